package io.contextualtargeting.formats.data;

import java.nio.charset.StandardCharsets;

/** Parses numbers straight from CSV bytes, so a 20-million-line file creates no String per value. */
final class Numbers {
    /** Returned for text that is not a whole number (Long.MIN_VALUE itself is checked separately). */
    static final long NOT_A_LONG = Long.MIN_VALUE;

    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private Numbers() {
    }

    static long parseLong(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        if (i == to) {
            return NOT_A_LONG;
        }
        long value = 0;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return NOT_A_LONG;
            }
            if (value > (Long.MAX_VALUE - d) / 10) {
                return NOT_A_LONG;
            }
            value = value * 10 + d;
        }
        return negative ? -value : value;
    }

    static boolean isLongMinValue(byte[] b, int from, int to) {
        return "-9223372036854775808".equals(new String(b, from, to - from, StandardCharsets.US_ASCII));
    }

    /**
     * A finite float, or NaN when the text is not a decimal number. Plain decimals of up to 15
     * digits take a fast path that is exact (an exact long divided by an exact power of ten is
     * correctly rounded); anything else goes through {@link Float#parseFloat}.
     */
    static float parseFloat(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < to; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                return slowParseFloat(b, from, to);
            }
        }
        if (digits == 0) {
            return Float.NaN;
        }
        if (digits > 15 || fraction > 22) {
            return slowParseFloat(b, from, to);
        }
        double value = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction] : mantissa;
        return (float) (negative ? -value : value);
    }

    private static float slowParseFloat(byte[] b, int from, int to) {
        String text = new String(b, from, to - from, StandardCharsets.US_ASCII);
        for (int i = 0; i < text.length(); i++) {
            if ("0123456789+-.eE".indexOf(text.charAt(i)) < 0) {
                return Float.NaN; // rejects "1f", "NaN", "Infinity", hex and blanks that Float.parseFloat accepts
            }
        }
        try {
            float value = Float.parseFloat(text);
            return Float.isInfinite(value) ? Float.NaN : value;
        } catch (NumberFormatException e) {
            return Float.NaN;
        }
    }
}
