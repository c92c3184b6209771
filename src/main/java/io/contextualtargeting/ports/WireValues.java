package io.contextualtargeting.ports;

import java.util.function.Function;

/** Reads an enum from the text a service sends, exactly; a text no constant has is {@code unknown}, said explicitly. */
public final class WireValues {
    private WireValues() {
    }

    /**
     * @param values  the enum's constants
     * @param wire    a constant's text ({@code unknown}'s is never matched)
     * @param text    what the service sent, possibly null
     * @param unknown the constant for a text no other constant has
     */
    public static <E extends Enum<E>> E parse(E[] values, Function<E, String> wire, String text, E unknown) {
        for (E value : values) {
            if (value != unknown && wire.apply(value).equals(text)) {
                return value;
            }
        }
        return unknown;
    }
}
