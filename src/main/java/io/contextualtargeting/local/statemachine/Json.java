package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/** JSON helpers shared by the local cloud: one configured mapper, compact text and UTF-8 size. */
public final class Json {

    /** The project's one configured mapper ({@link io.contextualtargeting.formats.Json}): safe to share between threads. */
    public static final ObjectMapper MAPPER = io.contextualtargeting.formats.Json.mapper();

    private Json() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Compact JSON text, as Step Functions serialises a value into a string. */
    public static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON", e);
        }
    }

    /** Parses JSON text; an IllegalArgumentException carries the parser's message. */
    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    /** Size of the compact JSON text in UTF-8 bytes: what the 256 KiB state limit counts. */
    public static int utf8Size(JsonNode node) {
        return text(node).getBytes(StandardCharsets.UTF_8).length;
    }
}
