package org.reeltrace.fingerprint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;

/** The in-memory form of a {@code .rtfp} file (docs/spec/rtfp-v1.md). Immutable once built. */
public final class Fingerprint {
    final double durationSeconds;
    final byte[] sourceSha256;
    /** crop box of the picture in 1/10000 of the decoded frame: left, top, right, bottom */
    final int[] crop;
    final int quarterTurns;
    final VideoTrack video;
    final AudioTrack audio;
    private byte[] encoded;
    /** packets the decoder could not read and skipped (not part of the file format) */
    long skippedPackets;

    Fingerprint(double durationSeconds, byte[] sourceSha256, int[] crop, int quarterTurns, VideoTrack video, AudioTrack audio) {
        this.durationSeconds = durationSeconds;
        this.sourceSha256 = sourceSha256.clone();
        this.crop = crop.clone();
        this.quarterTurns = quarterTurns;
        this.video = video;
        this.audio = audio;
    }

    /**
     * The part of this fingerprint between {@code from} and {@code to} seconds, re-timed to start at 0
     * (the start is rounded down to a frame that carries region hashes). For aligning against a window.
     */
    Fingerprint slice(double from, double to) {
        VideoTrack v = null;
        double start = 0;
        if (video != null) {
            int a = Math.max(0, (int) Math.floor(from / video.gridStep));
            a -= a % video.regionStride;
            int b = Math.min(video.count, (int) Math.ceil(to / video.gridStep));
            start = a * video.gridStep;
            if (b > a) {
                v = new VideoTrack(video.gridStep, video.regionStride, b - a);
                v.count = b - a;
                System.arraycopy(video.full, a * Hashes.LONGS, v.full, 0, (b - a) * Hashes.LONGS);
                System.arraycopy(video.flip, a * Hashes.LONGS, v.flip, 0, (b - a) * Hashes.LONGS);
                System.arraycopy(video.quality, a, v.quality, 0, b - a);
                int ra = video.regionIndex(a, 0);
                int rn = v.regionFrames(b - a) * VideoTrack.REGIONS;
                System.arraycopy(video.regions, ra * Hashes.LONGS, v.regions, 0, rn * Hashes.LONGS);
                System.arraycopy(video.regionQuality, ra, v.regionQuality, 0, rn);
                System.arraycopy(video.inset, a * Hashes.LONGS, v.inset, 0, (b - a) * Hashes.LONGS);
                System.arraycopy(video.insetQuality, a, v.insetQuality, 0, b - a);
            }
        } else {
            start = Math.max(0, from);
        }
        AudioTrack a = null;
        if (audio != null) {
            int h0 = (int) Math.round(start / audio.hopSeconds());
            int h1 = (int) Math.ceil(to / audio.hopSeconds());
            int i0 = 0;
            while (i0 < audio.size() && audio.times()[i0] < h0) {
                i0++;
            }
            int i1 = i0;
            while (i1 < audio.size() && audio.times()[i1] < h1) {
                i1++;
            }
            int[] times = new int[i1 - i0];
            for (int i = i0; i < i1; i++) {
                times[i - i0] = audio.times()[i] - h0;
            }
            a = new AudioTrack(audio.sampleRate(), audio.hopSamples(), java.util.Arrays.copyOfRange(audio.hashes(), i0, i1), times);
        }
        double length = Math.max(0, Math.min(durationSeconds, to) - start);
        return new Fingerprint(length, sourceSha256, crop, quarterTurns, v, a);
    }

    public static Fingerprint read(Path rtfp) throws FingerprintException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(rtfp);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new FingerprintException(FingerprintException.Kind.INVALID_INPUT, "no such file \"" + rtfp + "\"");
        } catch (IOException e) {
            throw new FingerprintException(FingerprintException.Kind.INVALID_INPUT, "cannot read \"" + rtfp + "\": " + e.getMessage(), e);
        }
        try {
            return RtfpCodec.decode(bytes);
        } catch (RtfpCodec.MalformedException e) {
            throw new FingerprintException(FingerprintException.Kind.INVALID_INPUT,
                    "\"" + rtfp + "\" is not a valid .rtfp file: " + e.getMessage(), e);
        }
    }

    /** Parses the canonical bytes of a .rtfp file (as stored in a catalog). */
    public static Fingerprint decode(byte[] bytes) throws FingerprintException {
        try {
            return RtfpCodec.decode(bytes);
        } catch (RtfpCodec.MalformedException e) {
            throw new FingerprintException(FingerprintException.Kind.INVALID_INPUT, "not a valid .rtfp: " + e.getMessage(), e);
        }
    }

    /** Writes the canonical encoding atomically: a temp file beside {@code out}, then a move. */
    public void write(Path out) throws FingerprintException {
        Path target = out.toAbsolutePath();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
            Files.write(tmp, encoded());
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temp file is hidden and named .part
                }
            }
            throw new FingerprintException(FingerprintException.Kind.ENVIRONMENT, "cannot write \"" + out + "\": " + e.getMessage(), e);
        }
    }

    /** The canonical .rtfp bytes (a copy). */
    public byte[] encode() {
        return encoded().clone();
    }

    synchronized byte[] encoded() {
        if (encoded == null) {
            encoded = RtfpCodec.encode(this);
        }
        return encoded;
    }

    public double durationSeconds() {
        return durationSeconds;
    }

    /** SHA-256 of the source media file, lowercase hex. */
    public String sourceSha256() {
        return HexFormat.of().formatHex(sourceSha256);
    }

    /** SHA-256 of the canonical .rtfp bytes. */
    public byte[] digest() {
        return RtfpCodec.sha256(encoded());
    }

    public boolean hasVideo() {
        return video != null && video.count > 0;
    }

    public boolean hasAudio() {
        return audio != null && audio.size() > 0;
    }

    /** Number of hashed frames on the time grid. */
    public int frameCount() {
        return video == null ? 0 : video.count;
    }

    /** Seconds between hashed frames. */
    public double frameInterval() {
        return video == null ? VideoHasher.GRID_STEP : video.gridStep;
    }

    /** Damaged packets skipped while decoding the source; 0 for a clean file or one read from .rtfp. */
    public long skippedPackets() {
        return skippedPackets;
    }

    public int audioLandmarkCount() {
        return audio == null ? 0 : audio.size();
    }

    /** Frames whose picture is too flat to index (black, fades, solid colour). */
    public int flatFrameCount() {
        int n = 0;
        for (int i = 0; i < frameCount(); i++) {
            if (video.quality(i) < FrameEvidence.MIN_QUALITY) {
                n++;
            }
        }
        return n;
    }

    /** Picture area kept after bar removal, as fractions of the frame: left, top, right, bottom. */
    public double[] crop() {
        return new double[] {crop[0] / 10000.0, crop[1] / 10000.0, crop[2] / 10000.0, crop[3] / 10000.0};
    }

    public int rotationDegrees() {
        return quarterTurns * 90;
    }

    /** Whole-picture hash of frame {@code i} in PDQ hex order (64 hex digits). */
    public String frameHashHex(int i) {
        StringBuilder sb = new StringBuilder(64);
        for (int w = Hashes.LONGS - 1; w >= 0; w--) {
            sb.append(String.format("%016x", video.full[i * Hashes.LONGS + w]));
        }
        return sb.toString();
    }
}
