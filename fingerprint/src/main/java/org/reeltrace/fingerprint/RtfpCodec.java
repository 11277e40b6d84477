package org.reeltrace.fingerprint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** The one canonical byte encoding of a fingerprint, version 1 (docs/spec/rtfp-v1.md). */
final class RtfpCodec {
    static final byte[] MAGIC = {'R', 'T', 'F', 'P'};
    static final int VERSION = 1;
    static final byte[] TRAILER_LABEL = "reeltrace.rtfp.v1".getBytes(StandardCharsets.US_ASCII);
    private static final int FLAG_VIDEO = 1;
    private static final int FLAG_AUDIO = 2;
    private static final int HASH_BYTES = 32;

    private RtfpCodec() {
    }

    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    static byte[] encode(Fingerprint fp) {
        VideoTrack v = fp.video != null && fp.video.count > 0 ? fp.video : null;
        AudioTrack a = fp.audio != null && fp.audio.size() > 0 ? fp.audio : null;
        int size = 56 + HASH_BYTES;
        if (v != null) {
            size += 8 + v.count * (1 + 2 * HASH_BYTES) + v.regionFrames(v.count) * VideoTrack.REGIONS * (1 + HASH_BYTES);
        }
        if (a != null) {
            size += 8 + a.size() * 8;
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(MAGIC).put((byte) VERSION).put((byte) ((v != null ? FLAG_VIDEO : 0) | (a != null ? FLAG_AUDIO : 0)))
                .put((byte) fp.quarterTurns).put((byte) 0);
        b.putLong(Math.round(fp.durationSeconds * 1e6));
        b.put(fp.sourceSha256);
        for (int c : fp.crop) {
            b.putShort((short) c);
        }
        if (v != null) {
            b.putShort((short) Math.round(v.gridStep * 1000)).put((byte) v.regionStride).put((byte) VideoTrack.REGIONS).putInt(v.count);
            for (int i = 0; i < v.count; i++) {
                b.put(v.quality[i]);
                putHash(b, v.full, i);
                putHash(b, v.flip, i);
            }
            for (int i = 0; i < v.regionFrames(v.count) * VideoTrack.REGIONS; i++) {
                b.put(v.regionQuality[i]);
                putHash(b, v.regions, i);
            }
        }
        if (a != null) {
            b.putShort((short) a.sampleRate()).putShort((short) a.hopSamples()).putInt(a.size());
            for (int i = 0; i < a.size(); i++) {
                b.putInt(a.times()[i]).putInt(a.hashes()[i]);
            }
        }
        b.put(trailer(b.array(), b.position()));
        return b.array();
    }

    /** Parses and checks the whole encoding, checksum included. */
    static Fingerprint decode(byte[] bytes) throws MalformedException {
        checkHeader(bytes);
        verify(bytes);
        Layout l = layout(bytes);
        Fingerprint fp = slice(bytes, l, 0, Double.POSITIVE_INFINITY);
        return new Fingerprint(l.durationSeconds, fp.sourceSha256, l.crop, l.quarterTurns, fp.video, fp.audio);
    }

    /** Checks magic, version and flags (and a minimum length); returns the flags. */
    private static int checkHeader(byte[] bytes) throws MalformedException {
        if (bytes.length < 56 + HASH_BYTES) {
            throw new MalformedException("truncated (" + bytes.length + " bytes)");
        }
        if (!Arrays.equals(Arrays.copyOf(bytes, 4), MAGIC)) {
            throw new MalformedException("bad magic");
        }
        int version = bytes[4] & 0xff;
        if (version != VERSION) {
            throw new MalformedException("unsupported format version " + version);
        }
        int flags = bytes[5] & 0xff;
        int quarterTurns = bytes[6] & 0xff;
        if ((flags & ~(FLAG_VIDEO | FLAG_AUDIO)) != 0 || quarterTurns > 3 || bytes[7] != 0) {
            throw new MalformedException("bad header flags");
        }
        return flags;
    }

    /** Checks the trailer: the SHA-256 of everything before it, after the label. */
    static void verify(byte[] bytes) throws MalformedException {
        if (bytes.length < 56 + HASH_BYTES) {
            throw new MalformedException("truncated (" + bytes.length + " bytes)");
        }
        byte[] expected = trailer(bytes, bytes.length - HASH_BYTES);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, bytes.length - HASH_BYTES, bytes.length))) {
            throw new MalformedException("checksum mismatch (truncated or altered)");
        }
    }

    /**
     * Where the sections of an encoding lie, from its header and section headers alone: enough to
     * read any time window without parsing (or checksumming) the rest.
     */
    record Layout(double durationSeconds, byte[] sourceSha256, int[] crop, int quarterTurns,
            double gridStep, int regionStride, int frames, int framesAt, int regionsAt,
            int sampleRate, int hopSamples, int landmarks, int landmarksAt) {

        boolean hasVideo() {
            return frames > 0;
        }

        boolean hasAudio() {
            return landmarks > 0;
        }

        double hopSeconds() {
            return hopSamples / (double) sampleRate;
        }
    }

    static Layout layout(byte[] bytes) throws MalformedException {
        int flags = checkHeader(bytes);
        int quarterTurns = bytes[6] & 0xff;
        ByteBuffer b = ByteBuffer.wrap(bytes);
        b.position(8);
        try {
            long micros = b.getLong();
            byte[] sha = new byte[HASH_BYTES];
            b.get(sha);
            int[] crop = new int[4];
            for (int i = 0; i < 4; i++) {
                crop[i] = b.getShort() & 0xffff;
            }
            if (micros < 0 || crop[0] >= crop[2] || crop[1] >= crop[3] || crop[2] > 10000 || crop[3] > 10000) {
                throw new MalformedException("bad duration or crop");
            }
            double gridStep = 0;
            int stride = 1;
            int count = 0;
            int framesAt = 0;
            int regionsAt = 0;
            if ((flags & FLAG_VIDEO) != 0) {
                int stepMs = b.getShort() & 0xffff;
                stride = b.get() & 0xff;
                int regions = b.get() & 0xff;
                count = b.getInt();
                if (stepMs == 0 || stride == 0 || regions != VideoTrack.REGIONS || count <= 0 || count > b.remaining()) {
                    throw new MalformedException("bad video section header");
                }
                gridStep = stepMs / 1000.0;
                framesAt = b.position();
                long regionRecords = (long) ((count + stride - 1) / stride) * VideoTrack.REGIONS;
                long videoBytes = (long) count * (1 + 2 * HASH_BYTES) + regionRecords * (1 + HASH_BYTES);
                if (videoBytes > b.remaining()) {
                    throw new MalformedException("truncated");
                }
                regionsAt = framesAt + count * (1 + 2 * HASH_BYTES);
                b.position((int) (framesAt + videoBytes));
            }
            int rate = 0;
            int hop = 0;
            int landmarks = 0;
            int landmarksAt = 0;
            if ((flags & FLAG_AUDIO) != 0) {
                rate = b.getShort() & 0xffff;
                hop = b.getShort() & 0xffff;
                landmarks = b.getInt();
                if (rate == 0 || hop == 0 || landmarks <= 0 || landmarks > b.remaining() / 8) {
                    throw new MalformedException("bad audio section header");
                }
                landmarksAt = b.position();
                b.position(landmarksAt + landmarks * 8);
            }
            if (b.remaining() != HASH_BYTES) {
                throw new MalformedException("unexpected length");
            }
            return new Layout(micros / 1e6, sha, crop, quarterTurns, gridStep, stride, count, framesAt, regionsAt,
                    rate, hop, landmarks, landmarksAt);
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
            throw new MalformedException("truncated");
        }
    }

    /**
     * The part of the encoded fingerprint between {@code from} and {@code to} seconds, exactly as
     * {@code decode(bytes).slice(from, to)} gives it, reading only that part (no checksum).
     */
    static Fingerprint slice(byte[] bytes, Layout l, double from, double to) throws MalformedException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        VideoTrack v = null;
        double start;
        if (l.hasVideo()) {
            int a = Math.max(0, (int) Math.floor(from / l.gridStep));
            a -= a % l.regionStride;
            int e = (int) Math.min(l.frames, Math.ceil(to / l.gridStep));
            start = a * l.gridStep;
            if (e > a) {
                v = new VideoTrack(l.gridStep, l.regionStride, e - a);
                v.count = e - a;
                b.position(l.framesAt + a * (1 + 2 * HASH_BYTES));
                for (int f = 0; f < v.count; f++) {
                    v.quality[f] = b.get();
                    getHash(b, v.full, f);
                    getHash(b, v.flip, f);
                }
                int ra = a / l.regionStride * VideoTrack.REGIONS;
                int rn = v.regionFrames(v.count) * VideoTrack.REGIONS;
                b.position(l.regionsAt + ra * (1 + HASH_BYTES));
                for (int r = 0; r < rn; r++) {
                    v.regionQuality[r] = b.get();
                    getHash(b, v.regions, r);
                }
                if (a == 0 && e == l.frames) {
                    v.trim(); // a whole track is stored at its exact size, as it was extracted
                }
            }
        } else {
            start = Math.max(0, from);
        }
        AudioTrack audio = null;
        if (l.hasAudio()) {
            int h0 = (int) Math.round(start / l.hopSeconds());
            int h1 = (int) Math.min(Integer.MAX_VALUE, Math.ceil(to / l.hopSeconds()));
            int i0 = firstLandmarkAt(bytes, l, h0, 0);
            int i1 = to == Double.POSITIVE_INFINITY ? l.landmarks : firstLandmarkAt(bytes, l, h1, i0);
            int[] times = new int[i1 - i0];
            int[] hashes = new int[i1 - i0];
            b.position(l.landmarksAt + i0 * 8);
            long previous = Long.MIN_VALUE;
            for (int i = 0; i < times.length; i++) {
                int t = b.getInt();
                hashes[i] = b.getInt();
                long key = ((long) t << 32) | (hashes[i] & 0xffffffffL);
                if (t < 0 || key < previous) {
                    throw new MalformedException("audio landmarks out of order");
                }
                previous = key;
                times[i] = t - h0;
            }
            audio = new AudioTrack(l.sampleRate, l.hopSamples, hashes, times);
        }
        double length = Math.max(0, Math.min(l.durationSeconds, to) - start);
        return new Fingerprint(length, l.sourceSha256, l.crop, l.quarterTurns, v, audio);
    }

    /** The first landmark at or after index {@code from} whose time is at least {@code hop} (landmarks are sorted by time). */
    private static int firstLandmarkAt(byte[] bytes, Layout l, int hop, int from) {
        int lo = from;
        int hi = l.landmarks;
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (b.getInt(l.landmarksAt + mid * 8) < hop) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void putHash(ByteBuffer b, long[] hashes, int i) {
        for (int w = Hashes.LONGS - 1; w >= 0; w--) {
            b.putLong(hashes[i * Hashes.LONGS + w]);
        }
    }

    private static void getHash(ByteBuffer b, long[] hashes, int i) {
        for (int w = Hashes.LONGS - 1; w >= 0; w--) {
            hashes[i * Hashes.LONGS + w] = b.getLong();
        }
    }

    private static byte[] trailer(byte[] bytes, int length) {
        MessageDigest md = sha256Digest();
        md.update(TRAILER_LABEL);
        md.update(bytes, 0, length);
        return md.digest();
    }

    static byte[] sha256(byte[] bytes) {
        return sha256Digest().digest(bytes);
    }

    static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
