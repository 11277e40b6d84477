package org.reeltrace.fingerprint;

/** The picture area left after removing bars, in pixels of the decoded plane: [left,right) x [top,bottom). */
record CropBox(int left, int top, int right, int bottom) {

    static CropBox full(int width, int height) {
        return new CropBox(0, 0, width, height);
    }

    int width() {
        return right - left;
    }

    int height() {
        return bottom - top;
    }
}
