package org.reeltrace.fingerprint;

/** Area-averages a rectangle of a small 8-bit plane into the 64x64 float plane the hasher reads. */
final class PlaneResampler {
    private PlaneResampler() {
    }

    /** Resamples [x0,x1) x [y0,y1) (fractional pixel bounds) of {@code src} into {@code dst}. */
    static void resample(byte[] src, int width, double x0, double y0, double x1, double y1, float[] dst) {
        int n = DctHasher.SIZE;
        double sx = (x1 - x0) / n;
        double sy = (y1 - y0) / n;
        for (int oy = 0; oy < n; oy++) {
            int ya = (int) Math.floor(y0 + oy * sy);
            int yb = Math.max(ya + 1, (int) Math.ceil(y0 + (oy + 1) * sy));
            for (int ox = 0; ox < n; ox++) {
                int xa = (int) Math.floor(x0 + ox * sx);
                int xb = Math.max(xa + 1, (int) Math.ceil(x0 + (ox + 1) * sx));
                int sum = 0;
                for (int y = ya; y < yb; y++) {
                    int row = y * width;
                    for (int x = xa; x < xb; x++) {
                        sum += src[row + x] & 0xff;
                    }
                }
                dst[oy * n + ox] = (float) sum / ((yb - ya) * (xb - xa));
            }
        }
    }

    /**
     * Like {@link #resample} but with exact fractional pixel coverage, so that sub-pixel bounds (a
     * detected inset) place the picture to a fraction of a pixel.
     */
    static void resampleExact(byte[] src, int width, double x0, double y0, double x1, double y1, float[] dst) {
        int n = DctHasher.SIZE;
        double sx = (x1 - x0) / n;
        double sy = (y1 - y0) / n;
        int height = src.length / width;
        for (int oy = 0; oy < n; oy++) {
            double ya = y0 + oy * sy;
            double yb = ya + sy;
            for (int ox = 0; ox < n; ox++) {
                double xa = x0 + ox * sx;
                double xb = xa + sx;
                double sum = 0;
                double weight = 0;
                for (int y = (int) Math.floor(ya); y < Math.min(height, Math.ceil(yb)); y++) {
                    double wy = Math.min(yb, y + 1) - Math.max(ya, y);
                    int row = y * width;
                    for (int x = (int) Math.floor(xa); x < Math.min(width, Math.ceil(xb)); x++) {
                        double wxy = wy * (Math.min(xb, x + 1) - Math.max(xa, x));
                        sum += wxy * (src[row + x] & 0xff);
                        weight += wxy;
                    }
                }
                dst[oy * n + ox] = (float) (sum / weight);
            }
        }
    }
}
