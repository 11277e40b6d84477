package org.reeltrace.watermark;

/**
 * The keyed tile: {@link #SIDE}x{@link #SIDE} chips repeated over the whole picture. Chip k
 * carries coded bit {@code bitOf[k]} with sign {@code sign[k]} in pattern P and with the
 * independent sign {@code signQ[k]} in pattern Q (a video's mark rotates between the two, see
 * {@link TemporalCarrier}; a still carries P only); every coded bit owns 5 or 6
 * chips per tile scattered by a keyed permutation. The tile is tiled with a cell size of
 * (shorter picture side / {@link #CELLS_PER_SHORT_SIDE}) pixels, so it scales with the picture.
 */
final class TilePattern {
    static final int SIDE = 32;
    static final int CHIPS = SIDE * SIDE;
    static final int CELLS_PER_SHORT_SIDE = 72;

    final int[] bitOf = new int[CHIPS];
    final int[] sign = new int[CHIPS];
    final int[] signQ = new int[CHIPS];

    TilePattern(WatermarkKey key) {
        byte[] signs = key.stream("tile-signs", CHIPS / 8);
        for (int k = 0; k < CHIPS; k++) {
            sign[k] = ((signs[k >>> 3] >>> (7 - (k & 7))) & 1) == 1 ? 1 : -1;
        }
        int[] perm = new int[CHIPS];
        for (int i = 0; i < CHIPS; i++) {
            perm[i] = i;
        }
        byte[] draws = key.stream("tile-bits", 4 * CHIPS);
        for (int i = CHIPS - 1; i > 0; i--) {
            long u = ((draws[4 * i] & 0xffL) << 24) | ((draws[4 * i + 1] & 0xffL) << 16)
                    | ((draws[4 * i + 2] & 0xffL) << 8) | (draws[4 * i + 3] & 0xffL);
            int j = (int) ((u * (i + 1)) >>> 32);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        for (int k = 0; k < CHIPS; k++) {
            bitOf[k] = perm[k] % PayloadCodec.CODED_BITS;
        }
        // Q's signs: P's times +1, -1, +1, ... along each bit's chips (from a keyed start), so P and
        // Q are orthogonal within every bit (to one chip when the bit has an odd number)
        byte[] starts = key.stream("tile-q-starts", (PayloadCodec.CODED_BITS + 7) / 8);
        int[] next = new int[PayloadCodec.CODED_BITS];
        for (int b = 0; b < next.length; b++) {
            next[b] = ((starts[b >>> 3] >>> (7 - (b & 7))) & 1) == 1 ? 1 : -1;
        }
        for (int k = 0; k < CHIPS; k++) {
            signQ[k] = sign[k] * next[bitOf[k]];
            next[bitOf[k]] = -next[bitOf[k]];
        }
    }

    /** Chip amplitudes (+1/-1) of pattern P for a codeword, row-major. */
    float[] chips(int[] codeword) {
        return chips(codeword, sign);
    }

    /** Chip amplitudes (+1/-1) of pattern Q for a codeword, row-major. */
    float[] chipsQ(int[] codeword) {
        return chips(codeword, signQ);
    }

    private float[] chips(int[] codeword, int[] signs) {
        float[] c = new float[CHIPS];
        for (int k = 0; k < CHIPS; k++) {
            c[k] = codeword[bitOf[k]] == 1 ? signs[k] : -signs[k];
        }
        return c;
    }

    /** Cell size in pixels for a picture. */
    static double cellSize(int width, int height) {
        return Math.min(width, height) / (double) CELLS_PER_SHORT_SIDE;
    }

    /**
     * The tiled chip field bilinearly interpolated at full resolution: value at pixel (x, y)
     * interpolates the chips around ((x + 0.5) / cell - 0.5, (y + 0.5) / cell - 0.5).
     */
    static float[] field(float[] chips, int width, int height) {
        return field(chips, width, height, new float[width * height]);
    }

    /** {@link #field(float[], int, int)} written into {@code out} (returned). */
    static float[] field(float[] chips, int width, int height, float[] out) {
        double cell = cellSize(width, height);
        int[] c0 = new int[width];
        int[] c1 = new int[width];
        float[] fx = new float[width];
        for (int x = 0; x < width; x++) {
            double u = (x + 0.5) / cell - 0.5;
            int ui = (int) Math.floor(u);
            c0[x] = Math.floorMod(ui, SIDE);
            c1[x] = Math.floorMod(ui + 1, SIDE);
            fx[x] = (float) (u - ui);
        }
        float[] a = new float[width];
        float[] b = new float[width];
        for (int y = 0; y < height; y++) {
            double v = (y + 0.5) / cell - 0.5;
            int vi = (int) Math.floor(v);
            float fy = (float) (v - vi);
            int r0 = Math.floorMod(vi, SIDE) * SIDE;
            int r1 = Math.floorMod(vi + 1, SIDE) * SIDE;
            for (int x = 0; x < width; x++) {
                a[x] = chips[r0 + c0[x]] + (chips[r0 + c1[x]] - chips[r0 + c0[x]]) * fx[x];
                b[x] = chips[r1 + c0[x]] + (chips[r1 + c1[x]] - chips[r1 + c0[x]]) * fx[x];
            }
            int row = y * width;
            for (int x = 0; x < width; x++) {
                out[row + x] = a[x] + (b[x] - a[x]) * fy;
            }
        }
        return out;
    }
}
