package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;

/** JSON shortened for messages and listings: big state must not flood an error or a terminal. */
public final class Abbreviation {
    private static final int DEFAULT_LIMIT = 200;

    private Abbreviation() {
    }

    public static String of(JsonNode node) {
        return of(node, DEFAULT_LIMIT);
    }

    public static String of(JsonNode node, int limit) {
        return of(node == null ? "null" : Json.text(node), limit);
    }

    public static String of(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        return text.substring(0, limit) + "... (" + text.length() + " characters)";
    }
}
