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

    static Fingerprint decode(byte[] bytes) throws MalformedException {
        if (bytes.length < 56 + HASH_BYTES) {
            throw new MalformedException("truncated (" + bytes.length + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        byte[] magic = new byte[4];
        b.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new MalformedException("bad magic");
        }
        int version = b.get() & 0xff;
        if (version != VERSION) {
            throw new MalformedException("unsupported format version " + version);
        }
        int flags = b.get() & 0xff;
        int quarterTurns = b.get() & 0xff;
        if ((flags & ~(FLAG_VIDEO | FLAG_AUDIO)) != 0 || quarterTurns > 3 || b.get() != 0) {
            throw new MalformedException("bad header flags");
        }
        byte[] expected = trailer(bytes, bytes.length - HASH_BYTES);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, bytes.length - HASH_BYTES, bytes.length))) {
            throw new MalformedException("checksum mismatch (truncated or altered)");
        }
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
            VideoTrack video = null;
            if ((flags & FLAG_VIDEO) != 0) {
                int stepMs = b.getShort() & 0xffff;
                int stride = b.get() & 0xff;
                int regions = b.get() & 0xff;
                int count = b.getInt();
                if (stepMs == 0 || stride == 0 || regions != VideoTrack.REGIONS || count <= 0 || count > b.remaining()) {
                    throw new MalformedException("bad video section header");
                }
                video = new VideoTrack(stepMs / 1000.0, stride, count);
                for (int i = 0; i < count; i++) {
                    int f = video.append();
                    video.quality[f] = b.get();
                    getHash(b, video.full, f);
                    getHash(b, video.flip, f);
                }
                video.trim();
                for (int i = 0; i < video.regionFrames(count) * VideoTrack.REGIONS; i++) {
                    video.regionQuality[i] = b.get();
                    getHash(b, video.regions, i);
                }
            }
            AudioTrack audio = null;
            if ((flags & FLAG_AUDIO) != 0) {
                int rate = b.getShort() & 0xffff;
                int hop = b.getShort() & 0xffff;
                int count = b.getInt();
                if (rate == 0 || hop == 0 || count <= 0 || count > b.remaining() / 8) {
                    throw new MalformedException("bad audio section header");
                }
                int[] times = new int[count];
                int[] hashes = new int[count];
                long previous = Long.MIN_VALUE;
                for (int i = 0; i < count; i++) {
                    times[i] = b.getInt();
                    hashes[i] = b.getInt();
                    long key = ((long) times[i] << 32) | (hashes[i] & 0xffffffffL);
                    if (times[i] < 0 || key < previous) {
                        throw new MalformedException("audio landmarks out of order");
                    }
                    previous = key;
                }
                audio = new AudioTrack(rate, hop, hashes, times);
            }
            if (b.remaining() != HASH_BYTES) {
                throw new MalformedException("unexpected length");
            }
            return new Fingerprint(micros / 1e6, sha, crop, quarterTurns, video, audio);
        } catch (java.nio.BufferUnderflowException e) {
            throw new MalformedException("truncated");
        }
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
