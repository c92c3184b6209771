package io.contextualtargeting.formats.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The string ids of users or items and their dense indices 0..size-1, in order of first appearance.
 * Ids are kept as UTF-8 bytes in one array, so ten million ids cost about their length in bytes, not
 * ten million String objects; a String is made only when someone asks for one.
 */
public final class Ids {
    private final byte[] bytes;
    private final int[] offsets;
    private final int[] table;
    private final int size;

    private Ids(byte[] bytes, int[] offsets, int[] table, int size) {
        this.bytes = bytes;
        this.offsets = offsets;
        this.table = table;
        this.size = size;
    }

    /** Ids in the given order (index i is ids[i]); duplicates are an error. */
    public static Ids of(String... ids) {
        Builder builder = new Builder();
        for (String id : ids) {
            int before = builder.size();
            if (builder.indexOf(id, true) != before) {
                throw new IllegalArgumentException("duplicate id " + id);
            }
        }
        return builder.build();
    }

    public int size() {
        return size;
    }

    public String id(int index) {
        return new String(bytes, offsets[index], offsets[index + 1] - offsets[index], StandardCharsets.UTF_8);
    }

    /** The index of {@code id}, or -1 when it is not known. */
    public int indexOf(String id) {
        byte[] b = id.getBytes(StandardCharsets.UTF_8);
        return find(table, bytes, offsets, b, 0, b.length, hash(b, 0, b.length));
    }

    private static int find(int[] table, byte[] bytes, int[] offsets, byte[] key, int from, int to, int hash) {
        int mask = table.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int entry = table[slot];
            if (entry == 0) {
                return -1;
            }
            int index = entry - 1;
            if (Arrays.equals(bytes, offsets[index], offsets[index + 1], key, from, to)) {
                return index;
            }
        }
    }

    static int hash(byte[] key, int from, int to) {
        int h = 0x811C9DC5;
        for (int i = from; i < to; i++) {
            h = (h ^ key[i]) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return h;
    }

    /** Assigns indices in order of first appearance; used by the readers while they stream a file. */
    static final class Builder {
        private byte[] bytes = new byte[1 << 12];
        private int used;
        private int[] offsets = new int[1 << 8];
        private int[] table = new int[1 << 9];
        private int size;

        int size() {
            return size;
        }

        /** The index of the id in {@code key[from, to)}; with {@code add}, a new id gets the next index, else -1. */
        int indexOf(byte[] key, int from, int to, boolean add) {
            int hash = hash(key, from, to);
            int found = find(table, bytes, offsets, key, from, to, hash);
            if (found >= 0 || !add) {
                return found;
            }
            return add(key, from, to, hash);
        }

        int indexOf(String id, boolean add) {
            byte[] b = id.getBytes(StandardCharsets.UTF_8);
            return indexOf(b, 0, b.length, add);
        }

        private int add(byte[] key, int from, int to, int hash) {
            int length = to - from;
            if (used + length > bytes.length) {
                long grown = Math.max((long) bytes.length * 2, (long) used + length);
                bytes = Arrays.copyOf(bytes, (int) Math.min(grown, Integer.MAX_VALUE - 8));
            }
            System.arraycopy(key, from, bytes, used, length);
            if (size + 2 > offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[size] = used;
            used += length;
            offsets[size + 1] = used;
            int index = size++;
            if (size * 2 > table.length) {
                rehash(table.length * 2);
            } else {
                insert(table, hash, index);
            }
            return index;
        }

        private void rehash(int capacity) {
            int[] grown = new int[capacity];
            for (int i = 0; i < size; i++) {
                insert(grown, hash(bytes, offsets[i], offsets[i + 1]), i);
            }
            table = grown;
        }

        private static void insert(int[] table, int hash, int index) {
            int mask = table.length - 1;
            int slot = hash & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = index + 1;
        }

        Ids build() {
            return new Ids(Arrays.copyOf(bytes, used), Arrays.copyOf(offsets, size + 1), table.clone(), size);
        }
    }
}
