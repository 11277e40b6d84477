package org.reeltrace.fingerprint;

import java.util.List;

/**
 * Finds letterbox/pillarbox bars on a set of sampled planes: edge rows (columns) that are flat
 * within the row and do not change over time, whatever their colour. Bars that would leave less
 * than 40% of a dimension are not believed (a dark opening scene is not a bar).
 */
final class BarDetector {
    private static final int FLAT_RANGE = 14;
    private static final int STILL_RANGE = 10;

    private BarDetector() {
    }

    static CropBox detect(List<byte[]> planes, int width, int height) {
        if (planes.isEmpty()) {
            return CropBox.full(width, height);
        }
        int top = 0;
        while (top < height / 2 && flatRow(planes, width, top)) {
            top++;
        }
        int bottom = height;
        while (bottom > top + 1 && flatRow(planes, width, bottom - 1)) {
            bottom--;
        }
        int left = 0;
        while (left < width / 2 && flatColumn(planes, width, height, left, top, bottom)) {
            left++;
        }
        int right = width;
        while (right > left + 1 && flatColumn(planes, width, height, right - 1, top, bottom)) {
            right--;
        }
        // The scaled edge of a bar blends with the picture: shave one more line where bars were found.
        if (top > 0) {
            top++;
        }
        if (bottom < height) {
            bottom--;
        }
        if (left > 0) {
            left++;
        }
        if (right < width) {
            right--;
        }
        if (bottom - top < height * 0.4) {
            top = 0;
            bottom = height;
        }
        if (right - left < width * 0.4) {
            left = 0;
            right = width;
        }
        return new CropBox(left, top, right, bottom);
    }

    private static boolean flatRow(List<byte[]> planes, int width, int y) {
        return flatLine(planes, y * width, 1, width);
    }

    private static boolean flatColumn(List<byte[]> planes, int width, int height, int x, int top, int bottom) {
        return flatLine(planes, top * width + x, width, Math.max(1, bottom - top));
    }

    /** A line of {@code n} pixels from {@code start} every {@code step}: flat in each plane and the same in all. */
    private static boolean flatLine(List<byte[]> planes, int start, int step, int n) {
        int meanMin = 255;
        int meanMax = 0;
        for (byte[] p : planes) {
            int min = 255;
            int max = 0;
            long sum = 0;
            for (int k = 0, at = start; k < n; k++, at += step) {
                int v = p[at] & 0xff;
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
            if (max - min > FLAT_RANGE) {
                return false;
            }
            int mean = (int) (sum / n);
            meanMin = Math.min(meanMin, mean);
            meanMax = Math.max(meanMax, mean);
        }
        return meanMax - meanMin <= STILL_RANGE;
    }
}
