package io.contextualtargeting.formats.data;

import java.util.Arrays;

/** A growable int array without boxing. */
final class IntList {
    private int[] values;
    private int size;

    IntList(int capacity) {
        values = new int[Math.max(capacity, 4)];
    }

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, grow(size));
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }

    static int grow(int size) {
        long grown = size + (size >> 1) + 16L;
        if (grown > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("more than " + (Integer.MAX_VALUE - 8) + " entries");
        }
        return (int) grown;
    }
}
