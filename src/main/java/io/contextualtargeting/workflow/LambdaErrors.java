package io.contextualtargeting.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.formats.Json;
import java.io.IOException;

/** Errors as Step Functions reports a failed Lambda task. */
public final class LambdaErrors {
    private LambdaErrors() {
    }

    /**
     * The message a person should read from a Cause. A Lambda error's Cause is the JSON text
     * {@code {"errorMessage": ..., "errorType": ...}}; anything else is returned as it is.
     */
    public static String readable(String cause) {
        if (cause == null || !cause.startsWith("{")) {
            return cause;
        }
        try {
            JsonNode node = Json.mapper().readTree(cause);
            return node.hasNonNull("errorMessage") ? node.get("errorMessage").asText() : cause;
        } catch (IOException e) {
            return cause;
        }
    }
}
