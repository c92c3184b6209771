package io.contextualtargeting.engine.generate;

import java.util.Arrays;

/** The interactions of one user in time order, in reusable primitive arrays (no object per row). */
final class UserEvents {
    static final byte WATCH = 0;
    static final byte CLICK = 1;
    static final byte RATING = 2;
    static final byte VIEW = 3;
    static final byte PURCHASE = 4;
    /** EVENT_TYPE by type code. */
    private static final String[] TYPE_NAMES = {"watch", "click", "rating", "view", "purchase"};
    static final int TYPES = TYPE_NAMES.length;

    long[] times = new long[64];
    int[] items = new int[64];
    byte[] types = new byte[64];
    /** EVENT_VALUE in hundredths: the fraction of the item watched (0 for a click), the stars, the price. */
    short[] values = new short[64];
    int size;

    void clear() {
        size = 0;
    }

    void add(long time, int item, byte type, int hundredths) {
        if (size == times.length) {
            int capacity = size * 2;
            times = Arrays.copyOf(times, capacity);
            items = Arrays.copyOf(items, capacity);
            types = Arrays.copyOf(types, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        times[size] = time;
        items[size] = item;
        types[size] = type;
        values[size] = (short) hundredths;
        size++;
    }

    static String typeName(byte type) {
        return TYPE_NAMES[type];
    }
}
