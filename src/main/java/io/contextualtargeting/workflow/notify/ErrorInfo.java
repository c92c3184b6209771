package io.contextualtargeting.workflow.notify;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.contextualtargeting.workflow.LambdaErrors;
import io.contextualtargeting.workflow.ResourcePendingException;

/** An error as a Step Functions Catch hands it on: {@code {"Error": ..., "Cause": ...}}. */
public record ErrorInfo(@JsonProperty("Error") String error, @JsonProperty("Cause") String cause) {

    /** Whether the workflow gave up polling a resource that was still pending. */
    public boolean isPolling() {
        return ResourcePendingException.class.getName().equals(error);
    }

    /** The message a person should read. */
    public String message() {
        return LambdaErrors.readable(cause);
    }
}
