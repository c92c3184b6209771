package io.contextualtargeting.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The workflow steps' JSON mapper: the project's one configuration, {@link io.contextualtargeting.formats.Json}. */
public final class Json {
    private Json() {
    }

    public static ObjectMapper mapper() {
        return io.contextualtargeting.formats.Json.mapper();
    }
}
