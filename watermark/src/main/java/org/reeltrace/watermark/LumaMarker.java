package org.reeltrace.watermark;

/**
 * Adds the watermark to luma planes of one size: strength(x, y) * field(x, y) with a static
 * ordered dither for the rounding (static, so the rounding pattern does not flicker). A still's
 * field is pattern P's; a video's is cos(theta) P + sin(theta) Q at the picture's time
 * ({@link TemporalCarrier}).
 */
final class LumaMarker {
    /**
     * How strongly a mark is written: luma levels per unit of field and mask, and the distortion
     * budget, the mark's RMS per picture in luma levels, kept whatever the mask says (grainy and
     * busy content would exceed it otherwise). Measured trade-offs: docs/watermark-robustness.md.
     */
    enum Strength {
        /**
         * SSIM against an unmarked encode is dominated by the encoder's own divergence,
         * robustness by the amplitude; RMS <= 1.1 is an intrinsic PSNR >= 47.3 dB.
         */
        VIDEO(2.0f, 1.1f),
        /**
         * A still is compared with its original, not with another encode: RMS <= 1.45 (PSNR
         * >= 44.9 dB). At video's budget a 10% crop, then a 50% resize, then JPEG q=50 of a poster
         * was read blind for 3 of 10 keys; at this one for 44 of 44, and for 20 of 20 after the
         * {@link StructuralBudget} has taken back what low-contrast blocks cannot carry.
         */
        STILL(3.4f, 1.45f);

        final float amplitude;
        final float maxRms;

        Strength(float amplitude, float maxRms) {
            this.amplitude = amplitude;
            this.maxRms = maxRms;
        }
    }

    private final int width;
    private final int height;
    private final float[] chips;
    private float[] field;
    /** Pattern Q's field, made on the first video picture. */
    private float[] fieldQ;
    private final TilePattern tile;
    private final int[] codeword;
    private final float[] dither;
    private final float[] strengthRow;

    private final float amplitude;
    private final float maxRms;

    LumaMarker(TilePattern tile, long payload, int width, int height, Strength strength) {
        // below 288 lines the cells get small and costly for the encoder: weaker mark
        this.amplitude = strength.amplitude * (float) Math.min(1.0, Math.pow(Math.min(width, height) / 288.0, 1.5));
        this.maxRms = strength.maxRms;
        this.width = width;
        this.height = height;
        this.tile = tile;
        this.codeword = PayloadCodec.encode(payload);
        this.chips = tile.chips(codeword);
        this.bitOf = tile.bitOf;
        this.field = TilePattern.field(chips, width, height);
        this.dither = new float[width * height];
        this.strengthRow = new float[width];
        for (int i = 0; i < dither.length; i++) {
            long h = (i + 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
            dither[i] = (h >>> 40) / (float) (1 << 24);
        }
    }

    private float budgetScale = 1;
    private final int[] bitOf;

    /** Amplitude per unit of field and mask as the next picture will get it. */
    float effectiveAmplitude() {
        return amplitude * budgetScale;
    }

    /** Scales each coded bit's chips (informed embedding, see {@link InterferenceCanceller}). */
    void setGains(float[] gains) {
        float[] scaled = new float[chips.length];
        for (int k = 0; k < chips.length; k++) {
            scaled[k] = chips[k] * gains[bitOf[k]];
        }
        field = TilePattern.field(scaled, width, height, field);
    }

    /** Marks {@code luma} in place with per-pixel {@code strength} (a still: pattern P only). */
    void mark(byte[] luma, float[] strength) {
        mark(luma, (y, into) -> System.arraycopy(strength, y * width, into, 0, width), 1f, 0f);
    }

    /**
     * Marks the video picture shown at {@code seconds} in place with the strength of the mask's
     * last picture, rotated to the {@link TemporalCarrier}'s angle at that time. The distortion
     * budget is judged on pattern P, whose statistics the rotation keeps, so the rotation alone
     * never changes the budget scale.
     */
    void mark(byte[] luma, PerceptualMask mask, double seconds) {
        if (fieldQ == null) {
            fieldQ = TilePattern.field(tile.chipsQ(codeword), width, height);
        }
        mark(luma, (y, into) -> mask.row(y, into, 0), TemporalCarrier.inPhase(seconds), TemporalCarrier.quadrature(seconds));
    }

    /** Gives the strength of one pixel row. */
    interface StrengthRows {
        void row(int y, float[] into);
    }

    /** Row by row, so the strength never exists as a full-size plane (two passes: budget, then mark). */
    private void mark(byte[] luma, StrengthRows rows, float weightP, float weightQ) {
        float[] s = strengthRow;
        double ss = 0;
        int count = 0;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            rows.row(y, s);
            // every 3rd pixel of the picture, in raster order
            for (int x = Math.floorMod(-row, 3); x < width; x += 3) {
                float d = s[x] * field[row + x];
                ss += d * d;
                count++;
            }
        }
        double rms = amplitude * Math.sqrt(ss / count);
        float wanted = rms > maxRms ? (float) (maxRms / rms) : 1f;
        // change the scale only on real changes, so a steady scene keeps an identical mark
        if (Math.abs(wanted - budgetScale) > 0.1f * budgetScale || wanted < budgetScale * 0.97f) {
            budgetScale = wanted;
        }
        float a = amplitude * budgetScale;
        for (int y = 0; y < height; y++) {
            rows.row(y, s);
            if (weightQ == 0f) {
                addRow(luma, y * width, s, a * weightP);
            } else {
                addRow(luma, y * width, s, a * weightP, a * weightQ);
            }
        }
    }

    private void addRow(byte[] luma, int row, float[] s, float a) {
        float[] f = field;
        float[] dth = dither;
        for (int x = 0; x < width; x++) {
            float delta = a * s[x] * f[row + x];
            int v = (luma[row + x] & 0xff) + (int) Math.floor(delta + dth[row + x]);
            luma[row + x] = (byte) (v < 0 ? 0 : Math.min(v, 255));
        }
    }

    private void addRow(byte[] luma, int row, float[] s, float ap, float aq) {
        float[] f = field;
        float[] g = fieldQ;
        float[] dth = dither;
        for (int x = 0; x < width; x++) {
            float delta = s[x] * (ap * f[row + x] + aq * g[row + x]);
            int v = (luma[row + x] & 0xff) + (int) Math.floor(delta + dth[row + x]);
            luma[row + x] = (byte) (v < 0 ? 0 : Math.min(v, 255));
        }
    }
}
