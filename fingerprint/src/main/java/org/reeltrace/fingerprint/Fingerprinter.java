package org.reeltrace.fingerprint;

import org.reeltrace.media.LumaPcmReader;
import org.reeltrace.media.MediaException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * Computes the fingerprint of a media file: frame hashes on a fixed time grid (bars removed,
 * rotation applied) and audio landmarks. Memory is bounded by the (small) hash arrays.
 */
public final class Fingerprinter {
    private static final java.util.Set<String> TEXT_FORMATS = java.util.Set.of("tty", "ass", "srt", "webvtt", "subviewer", "jacosub");

    private Fingerprinter() {
    }

    /** Reads {@code file} when it is a .rtfp fingerprint (by its magic bytes), else fingerprints it as media. */
    public static Fingerprint load(Path file) throws FingerprintException {
        return isRtfp(file) ? Fingerprint.read(file) : fingerprint(file);
    }

    /** As {@link #load}, for a reference to store: media is fingerprinted as {@link #reference} does. */
    public static Fingerprint loadReference(Path file) throws FingerprintException {
        return isRtfp(file) ? Fingerprint.read(file) : reference(file);
    }

    /**
     * Fingerprints a work to store (.rtfp, catalog): everything a .rtfp holds, without the search
     * for a picture-in-picture inset, whose hashes only a suspect uses and .rtfp does not store.
     */
    public static Fingerprint reference(Path media) throws FingerprintException {
        return fingerprint(media, false);
    }

    /** Fingerprints a suspect: also finds and hashes a picture-in-picture inset (kept in memory). */
    public static Fingerprint fingerprint(Path media) throws FingerprintException {
        return fingerprint(media, true);
    }

    /** True when {@code file} starts with the .rtfp magic bytes. */
    public static boolean isRtfp(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(4), RtfpCodec.MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    private static Fingerprint fingerprint(Path media, boolean findInsets) throws FingerprintException {
        try {
            byte[] sha;
            VideoTrack video = null;
            AudioTrack audio = null;
            int[] crop = {0, 0, 10000, 10000};
            int quarterTurns = 0;
            double duration;
            long skipped;
            // one demux and decode pass delivers both the grid pictures and the sound
            try (LumaPcmReader reader = LumaPcmReader.open(media, VideoHasher.PLANE, VideoHasher.PLANE, AudioLandmarker.SAMPLE_RATE)) {
                if (TEXT_FORMATS.contains(reader.formatName())) {
                    // FFmpeg renders text files as video (tty demuxer): nobody means that by a video
                    throw new FingerprintException(FingerprintException.Kind.INVALID_INPUT,
                            "\"" + media + "\" is a text file, not audio or video");
                }
                sha = sha256(media);
                duration = reader.durationSeconds();
                VideoHasher hasher = reader.hasVideo() ? new VideoHasher(reader.rotation(), duration, reader.frameRate(), findInsets) : null;
                AudioLandmarker landmarker = reader.hasAudio() ? new AudioLandmarker() : null;
                if (hasher != null) {
                    reader.wantPictures(hasher::wantsPictureAt);
                }
                LumaPcmReader.Item item;
                while ((item = reader.next()) != null) {
                    if (item == LumaPcmReader.Item.PICTURE) {
                        hasher.accept(reader.picture());
                    } else {
                        landmarker.accept(reader.samples(), reader.sampleCount());
                    }
                }
                skipped = reader.skippedErrors();
                if (hasher != null) {
                    VideoHasher.Result r = hasher.finish();
                    video = r.track();
                    CropBox c = r.crop();
                    int p = VideoHasher.PLANE;
                    crop = new int[] {c.left() * 10000 / p, c.top() * 10000 / p, c.right() * 10000 / p, c.bottom() * 10000 / p};
                    quarterTurns = hasher.quarterTurns();
                    if (duration <= 0) {
                        duration = r.lastTimestamp() + VideoHasher.GRID_STEP;
                    }
                }
                audio = landmarker == null ? null : landmarker.finish();
            }
            boolean noVideo = video == null || video.count == 0;
            boolean noAudio = audio == null || audio.size() == 0;
            if (noVideo && noAudio) {
                throw new FingerprintException(FingerprintException.Kind.INVALID_INPUT,
                        "cannot fingerprint \"" + media + "\": no picture or sound could be decoded");
            }
            if (duration <= 0 && audio != null) {
                duration = (audio.size() == 0 ? 0 : audio.times()[audio.size() - 1]) * audio.hopSeconds();
            }
            Fingerprint fp = new Fingerprint(duration, sha, crop, quarterTurns, noVideo ? null : video, noAudio ? null : audio);
            fp.skippedPackets = skipped;
            return fp;
        } catch (MediaException e) {
            throw new FingerprintException(kind(e.kind()), e.getMessage(), e.hint().orElse(null), e);
        }
    }

    static FingerprintException.Kind kind(MediaException.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT -> FingerprintException.Kind.INVALID_INPUT;
            case VERIFICATION_FAILED -> FingerprintException.Kind.VERIFICATION_FAILED;
            case ENVIRONMENT -> FingerprintException.Kind.ENVIRONMENT;
            case USAGE -> FingerprintException.Kind.USAGE;
        };
    }

    static byte[] sha256(Path file) throws FingerprintException {
        MessageDigest md = RtfpCodec.sha256Digest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                md.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new FingerprintException(FingerprintException.Kind.INVALID_INPUT, "cannot read \"" + file + "\": " + e.getMessage(), e);
        }
        return md.digest();
    }
}
