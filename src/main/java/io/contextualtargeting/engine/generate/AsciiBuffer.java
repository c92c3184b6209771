package io.contextualtargeting.engine.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer for CSV text that is ASCII by construction. Numbers are written digit by
 * digit: String.format or Long.toString per field would cost more than drawing the interaction.
 */
final class AsciiBuffer {
    private byte[] bytes;
    private int length;
    private final byte[] digits = new byte[20];

    AsciiBuffer(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    AsciiBuffer text(String ascii) {
        int n = ascii.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    /** Bytes prepared once (ids written many times). */
    AsciiBuffer bytes(byte[] ascii) {
        ensure(ascii.length);
        System.arraycopy(ascii, 0, bytes, length, ascii.length);
        length += ascii.length;
        return this;
    }

    AsciiBuffer comma() {
        return put((byte) ',');
    }

    AsciiBuffer newline() {
        return put((byte) '\n');
    }

    /** A non-negative whole number. */
    AsciiBuffer number(long value) {
        int n = 0;
        do {
            digits[n++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        ensure(n);
        while (n > 0) {
            bytes[length++] = digits[--n];
        }
        return this;
    }

    /** A non-negative value given in hundredths, as 0.00, 1.00, 129.99. */
    AsciiBuffer hundredths(int value) {
        if (value >= 1000) {
            number(value / 100);
        } else {
            ensure(1);
            bytes[length++] = (byte) ('0' + value / 100);
        }
        ensure(3);
        bytes[length++] = '.';
        bytes[length++] = (byte) ('0' + value / 10 % 10);
        bytes[length++] = (byte) ('0' + value % 10);
        return this;
    }

    int length() {
        return length;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    private AsciiBuffer put(byte b) {
        ensure(1);
        bytes[length++] = b;
        return this;
    }

    private void ensure(int extra) {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
        }
    }
}
