package org.reeltrace.fingerprint;

import java.util.Arrays;

/**
 * Rows of three ints kept in three flat columns that grow together: hundreds of thousands of
 * votes or frame pairs without an object per row.
 */
final class IntTriples {
    private final int[][] columns = new int[3][];
    private int size;

    IntTriples(int capacity) {
        for (int c = 0; c < 3; c++) {
            columns[c] = new int[Math.max(1, capacity)];
        }
    }

    void add(int a, int b, int c) {
        if (size == columns[0].length) {
            for (int k = 0; k < 3; k++) {
                columns[k] = Arrays.copyOf(columns[k], size * 2);
            }
        }
        columns[0][size] = a;
        columns[1][size] = b;
        columns[2][size] = c;
        size++;
    }

    int size() {
        return size;
    }

    /** The value in {@code column} (0, 1 or 2) of row {@code row}. */
    int get(int column, int row) {
        return columns[column][row];
    }
}
