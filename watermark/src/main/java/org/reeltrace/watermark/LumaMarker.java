package org.reeltrace.watermark;

/**
 * Adds the watermark to luma planes of one size: strength(x, y) * field(x, y) with a static
 * ordered dither for the rounding (static, so the rounding pattern does not flicker).
 */
final class LumaMarker {
    /** Luma levels per unit of field and mask; tuned for PSNR >= 42 dB after a CRF 18 encode. */
    static final float AMPLITUDE = 1.2f;
    private final int width;
    private final int height;
    private final float[] field;
    private final float[] dither;

    LumaMarker(TilePattern tile, long payload, int width, int height) {
        this.width = width;
        this.height = height;
        this.field = TilePattern.field(tile.chips(PayloadCodec.encode(payload)), width, height);
        this.dither = new float[width * height];
        for (int i = 0; i < dither.length; i++) {
            long h = (i + 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
            dither[i] = (h >>> 40) / (float) (1 << 24);
        }
    }

    /** Marks {@code luma} in place with per-pixel {@code strength}. */
    void mark(byte[] luma, float[] strength) {
        int n = width * height;
        for (int i = 0; i < n; i++) {
            float delta = AMPLITUDE * strength[i] * field[i];
            int v = (luma[i] & 0xff) + (int) Math.floor(delta + dither[i]);
            luma[i] = (byte) (v < 0 ? 0 : Math.min(v, 255));
        }
    }
}
