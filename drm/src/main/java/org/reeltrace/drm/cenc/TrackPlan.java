package org.reeltrace.drm.cenc;

import org.reeltrace.drm.mp4.Box;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** How one track gets encrypted: its key, tenc defaults and, per sample, the IV and subsample map. */
final class TrackPlan {
    private static final Set<String> AVC = Set.of("avc1", "avc3");
    private static final Set<String> HEVC = Set.of("hvc1", "hev1");

    final TrackInfo track;
    final TrackEncryption encryption;
    final byte[] key;
    final String originalFormat;
    /** NAL length size for H.264/HEVC video, 0 for full-sample encryption. */
    final int nalLengthSize;
    final boolean hevc;
    /** H.264 parameter sets (avcC, then in-band updates) for finding slice header ends; null for other tracks. */
    private final AvcParameterSets avc;
    /** The same for HEVC (hvcC); null for other tracks. */
    private final HevcParameterSets hevcSets;
    private final byte[] ivStart;
    /** Slices whose header could not be parsed: their subsamples keep only the NAL header clear, as before slice parsing. */
    private long unparsedSliceHeaders;
    /** Every sample gets a subsample map, audio too: set when a clear lead needs all-clear maps (see {@link #clearSample}). */
    private boolean mapsForAllSamples;

    private TrackPlan(TrackInfo track, TrackEncryption encryption, byte[] key, String originalFormat, int nalLengthSize, boolean hevc,
                      AvcParameterSets avc, HevcParameterSets hevcSets, byte[] ivStart) {
        this.avc = avc;
        this.hevcSets = hevcSets;
        this.track = track;
        this.encryption = encryption;
        this.key = key;
        this.originalFormat = originalFormat;
        this.nalLengthSize = nalLengthSize;
        this.hevc = hevc;
        this.ivStart = ivStart;
    }

    static TrackPlan of(TrackInfo track, Scheme scheme, CencKeys.ContentKey key, SecureRandom random) throws CencFormatException {
        Box stsd = track.stbl().child("stsd").orElseThrow();
        if (stsd.children().size() != 1) {
            throw new CencFormatException(track.path + "/mdia/minf/stbl/stsd", "has " + stsd.children().size()
                    + " sample entries; reeltrace encrypts tracks with exactly one");
        }
        Box entry = stsd.children().get(0);
        String format = entry.type();
        boolean video = track.handler.equals("vide");
        int lengthSize = 0;
        boolean hevc = false;
        AvcParameterSets avc = null;
        HevcParameterSets hevcSets = null;
        if (video) {
            if (AVC.contains(format)) {
                byte[] c = entry.child("avcC").orElseThrow(() -> new CencFormatException(track.path, "avc1 without avcC")).payload();
                lengthSize = (c.length > 4 ? c[4] & 3 : 3) + 1;
                try {
                    avc = AvcParameterSets.fromAvcC(c);
                } catch (RbspBits.Malformed e) {
                    avc = new AvcParameterSets(); // slices then keep only their NAL header clear (counted)
                }
            } else if (HEVC.contains(format)) {
                byte[] c = entry.child("hvcC").orElseThrow(() -> new CencFormatException(track.path, "hvc1 without hvcC")).payload();
                lengthSize = (c.length > 21 ? c[21] & 3 : 3) + 1;
                hevc = true;
                try {
                    hevcSets = HevcParameterSets.fromHvcC(c);
                } catch (RbspBits.Malformed e) {
                    hevcSets = new HevcParameterSets();
                }
            } else {
                throw new CencFormatException(track.path + "/mdia/minf/stbl/stsd/" + format,
                        "video codec \"" + format + "\" is not supported (reeltrace encrypts H.264 and HEVC video)");
            }
        } else if (!entry.isContainer()) {
            throw new CencFormatException(track.path + "/mdia/minf/stbl/stsd/" + format, "unsupported sample entry for encryption");
        }
        TrackEncryption te;
        byte[] ivStart = new byte[8];
        random.nextBytes(ivStart);
        if (scheme == Scheme.CENC) {
            te = new TrackEncryption(scheme, true, 8, key.kid(), new byte[0], 0, 0);
        } else if (scheme == Scheme.CBCS) {
            te = new TrackEncryption(scheme, true, 0, key.kid(), constantIv(key), video ? 1 : 0, video ? 9 : 0);
        } else {
            throw new IllegalArgumentException("reeltrace writes cenc and cbcs only");
        }
        return new TrackPlan(track, te, key.key(), format, lengthSize, hevc, avc, hevcSets, ivStart);
    }

    /**
     * The cbcs constant IV: HMAC-SHA256(key, label || KID), first 16 bytes. It is public (tenc) and, being a
     * function of the key, the same in every wrap with that key, so an init segment and media segments
     * wrapped separately agree on it.
     */
    static byte[] constantIv(CencKeys.ContentKey key) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.key(), "HmacSHA256"));
            mac.update("reeltrace cbcs constant IV v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return java.util.Arrays.copyOf(mac.doFinal(key.kid()), 16);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HMAC-SHA256", e);
        }
    }

    boolean subsamples() {
        return nalLengthSize > 0 || mapsForAllSamples;
    }

    void mapEverySample() {
        mapsForAllSamples = true;
    }

    /**
     * The auxiliary information of a clear-lead sample in progressive output: its IV and a map with no
     * protected byte, so readers that ignore 'seig' groups (FFmpeg 5.1) also leave it as it is. Empty
     * if the map does not fit saiz's one-byte size (a sample over 40 x 64 KiB).
     */
    java.util.Optional<SampleEncryption> clearSample(int size, long index) {
        int entries = Math.max(1, (size + 0xFFFE) / 0xFFFF);
        if (entries > NalSubsamples.MAX_SUBSAMPLES) {
            return java.util.Optional.empty();
        }
        int[] clear = new int[entries];
        int left = size;
        for (int i = 0; i < entries; i++) {
            clear[i] = Math.min(0xFFFF, left);
            left -= clear[i];
        }
        return java.util.Optional.of(new SampleEncryption(iv(index), clear, new int[entries]));
    }

    /** Whether senc/saiz/saio are needed: per-sample IVs or subsample maps. */
    boolean needsAuxInfo() {
        return encryption.perSampleIvSize() > 0 || subsamples();
    }

    byte[] iv(long sampleIndex) {
        if (encryption.perSampleIvSize() == 0) {
            return new byte[0];
        }
        long v = ByteBuffer.wrap(ivStart).getLong() + sampleIndex;
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    /** The encryption parameters of one sample, reading its NAL length prefixes when it is video. */
    SampleEncryption sample(FileChannel in, long offset, int size, long index, String path) throws IOException, CencFormatException {
        byte[] iv = iv(index);
        if (nalLengthSize == 0) {
            return mapsForAllSamples ? new SampleEncryption(iv, new int[] {0}, new int[] {size}) : new SampleEncryption(iv, null, null);
        }
        NalSubsamples map = new NalSubsamples(nalLengthSize, hevc, encryption.scheme() == Scheme.CENC);
        long pos = offset;
        long end = offset + size;
        while (pos < end) {
            if (end - pos < nalLengthSize + 1) {
                throw new CencFormatException(path, "sample " + (index + 1) + " ends inside a NAL length prefix");
            }
            // one read per NAL unit: its length prefix and the start of its header, which is all most slices need
            int got = (int) Math.min(nalLengthSize + FIRST_HEADER_READ, end - pos);
            org.reeltrace.drm.mp4.Mp4File.readFully(in, ByteBuffer.wrap(nalStart, 0, got), pos);
            long nal = 0;
            for (int i = 0; i < nalLengthSize; i++) {
                nal = (nal << 8) | (nalStart[i] & 0xff);
            }
            if (nal == 0 || nal > end - pos - nalLengthSize) {
                throw new CencFormatException(path, "sample " + (index + 1) + " has a NAL length (" + nal
                        + ") that does not fit the sample");
            }
            int first = nalStart[nalLengthSize] & 0xff;
            int clearHeader = sliceClearBytes(in, pos + nalLengthSize, nal, first, got - nalLengthSize, index, path);
            map.add(nal, first, clearHeader);
            pos += nalLengthSize + nal;
        }
        return map.finish(iv);
    }

    /** Bytes of a NAL unit read with its length prefix; slice headers that need more are read again, longer. */
    private static final int FIRST_HEADER_READ = 64;
    /** The length prefix (at most 4 bytes) and first bytes of the NAL unit being looked at. */
    private final byte[] nalStart = new byte[4 + FIRST_HEADER_READ];

    /** Largest in-band parameter set or slice header prefix read into memory. */
    private static final int MAX_HEADER_READ = 1 << 20;

    long unparsedSliceHeaders() {
        return unparsedSliceHeaders;
    }

    /**
     * Takes in an in-band SPS/PPS, or returns how many bytes of a slice stay clear (NAL header and slice
     * header); slice headers are read in growing prefixes because they are short but not bounded. A slice
     * whose header cannot be parsed (parameter sets missing or of a kind not parsed here, such as another
     * layer's) keeps only its NAL header clear, which every decrypter handles, and is counted.
     */
    private int sliceClearBytes(FileChannel in, long at, long nal, int first, int known, long index, String path)
            throws IOException, CencFormatException {
        int type = hevc ? (first >> 1) & 0x3f : first & 0x1f;
        boolean parameterSet = hevc ? type == 33 || type == 34 : type == 7 || type == 8;
        int nalHeader = hevc ? 2 : 1;
        if (!parameterSet && !NalSubsamples.isSlice(first, hevc)) {
            return nalHeader;
        }
        if (parameterSet && nal > MAX_HEADER_READ) {
            throw new CencFormatException(path, "sample " + (index + 1) + " has a parameter set of " + nal + " bytes");
        }
        for (int want = FIRST_HEADER_READ; ; want *= 8) {
            int n = parameterSet ? (int) nal : (int) Math.min(nal, Math.min(want, MAX_HEADER_READ));
            byte[] b;
            int off;
            if (n <= known) {
                b = nalStart;
                off = nalLengthSize;
            } else {
                ByteBuffer more = ByteBuffer.allocate(n);
                org.reeltrace.drm.mp4.Mp4File.readFully(in, more, at);
                b = more.array();
                off = 0;
            }
            try {
                if (parameterSet) {
                    if (hevc) {
                        hevcSets.update(b, off, n);
                    } else {
                        avc.update(b, off, n);
                    }
                    return nalHeader;
                }
                return (hevc ? HevcSliceHeader.parse(b, off, n, hevcSets) : AvcSliceHeader.parse(b, off, n, avc)).storedBytes();
            } catch (RbspBits.OutOfData e) {
                if (n == nal || n == MAX_HEADER_READ) {
                    unparsedSliceHeaders++;
                    return nalHeader;
                }
            } catch (RbspBits.Malformed e) {
                if (!parameterSet) {
                    unparsedSliceHeaders++;
                }
                return nalHeader; // a parameter set we cannot read is not stored; slices using it are counted
            }
        }
    }

    Box sinf() {
        byte[] schm = ByteBuffer.allocate(12).putInt(0).put(encryption.scheme().fourcc().getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(0x00010000).array();
        return Box.container("sinf", Box.leaf("frma", originalFormat.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)),
                Box.leaf("schm", schm), Box.container("schi", Box.leaf("tenc", encryption.tencPayload())));
    }

    /** Renames the sample entry to encv/enca and appends sinf. */
    void protectSampleEntry(Box trak) {
        Box entry = trak.find("mdia/minf/stbl/stsd").orElseThrow().children().get(0);
        entry.rename(track.handler.equals("vide") ? "encv" : "enca");
        entry.mutableChildren().add(sinf());
    }

    static Box saiz(List<SampleEncryption> samples) {
        int first = samples.isEmpty() ? 0 : samples.get(0).auxSize();
        boolean same = samples.stream().allMatch(s -> s.auxSize() == first);
        ByteBuffer b = ByteBuffer.allocate(9 + (same ? 0 : samples.size()));
        b.putInt(0).put((byte) (same ? first : 0)).putInt(samples.size());
        if (!same) {
            samples.forEach(s -> b.put((byte) s.auxSize()));
        }
        return Box.leaf("saiz", b.array());
    }

    static Box saio(long offset) {
        return Box.leaf("saio", ByteBuffer.allocate(16).putInt(0x01000000).putInt(1).putLong(offset).array());
    }
}
