package io.contextualtargeting.workflow.notify;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.contextualtargeting.workflow.LambdaErrors;

/** An error as a Step Functions Catch hands it on: {@code {"Error": ..., "Cause": ...}}. */
public record ErrorInfo(@JsonProperty("Error") String error, @JsonProperty("Cause") String cause) {

    /** The message a person should read. */
    public String message() {
        return LambdaErrors.readable(cause);
    }
}
