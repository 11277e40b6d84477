package org.reeltrace.drm.cenc;

import org.reeltrace.drm.DrmException;
import org.reeltrace.drm.DrmException.Kind;
import org.reeltrace.drm.mp4.Box;
import org.reeltrace.drm.mp4.BoxFormatException;
import org.reeltrace.drm.mp4.Mp4File;
import org.reeltrace.drm.mp4.TopLevelBox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What protection an MP4 carries: per track scheme, KID, IV size and pattern; pssh system ids. Never keys. */
public final class CencInspector {
    private CencInspector() {
    }

    /** One track. {@code scheme} and {@code kid} are null for a clear track. */
    public record TrackReport(int trackId, String handler, String sampleEntry, String scheme, String kid, int perSampleIvSize,
                              String pattern) {
    }

    public record Report(boolean fragmented, List<TrackReport> tracks, List<String> psshSystemIds, int fragments) {
        public boolean encrypted() {
            return tracks.stream().anyMatch(t -> t.scheme() != null);
        }
    }

    public static Report inspect(Path file) throws DrmException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            Mp4File mp4 = Mp4File.scan(ch);
            Optional<TopLevelBox> moovBox = mp4.boxes().stream().filter(b -> b.type().equals("moov")).findFirst();
            if (moovBox.isEmpty()) {
                throw new DrmException(Kind.INVALID_INPUT, "\"" + file + "\" has no moov box",
                        "for a media segment, inspect its init segment", null);
            }
            Box moov = mp4.load(moovBox.get(), Mp4File.MAX_MOOV);
            List<TrackReport> tracks = new ArrayList<>();
            for (TrackInfo t : TrackInfo.of(moov)) {
                Box entry = t.stbl().child("stsd").flatMap(s -> s.children().stream().findFirst()).orElse(null);
                String type = entry == null ? "?" : entry.type();
                Optional<TrackEncryption> te = t.protections.stream().flatMap(Optional::stream).findFirst();
                tracks.add(new TrackReport(t.trackId, t.handler, type, te.map(e -> e.scheme().fourcc()).orElse(null),
                        te.map(TrackEncryption::kidHex).orElse(null), te.map(TrackEncryption::perSampleIvSize).orElse(0),
                        te.filter(e -> e.scheme().pattern()).map(e -> e.cryptBlocks() + ":" + e.skipBlocks()).orElse(null)));
            }
            Set<String> systems = new LinkedHashSet<>();
            for (Box pssh : moov.all("pssh")) {
                if (pssh.payload().length >= 20) {
                    String h = HexFormat.of().formatHex(pssh.payload(), 4, 20);
                    systems.add(h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20));
                }
            }
            int fragments = (int) mp4.boxes().stream().filter(b -> b.type().equals("moof")).count();
            return new Report(moov.child("mvex").isPresent(), tracks, List.copyOf(systems), fragments);
        } catch (BoxFormatException | CencFormatException e) {
            throw new DrmException(Kind.INVALID_INPUT, "malformed MP4 \"" + file + "\": " + e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new DrmException(Kind.INVALID_INPUT, "no such file \"" + file + "\"", e);
        } catch (IOException e) {
            throw new DrmException(Kind.INVALID_INPUT, "cannot read \"" + file + "\": " + e.getMessage(), e);
        }
    }
}
