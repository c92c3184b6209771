package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A function failed, reported as Lambda reports it: {@code errorType} (Quarkus: the exception's
 * fully qualified class name) and {@code errorMessage}. Step Functions turns it into Error =
 * errorType and Cause = {@code {"errorMessage": ..., "errorType": ...}}.
 */
public final class FunctionError extends Exception {
    private final String errorType;
    private final String errorMessage;

    public FunctionError(String errorType, String errorMessage) {
        super(errorType + ": " + errorMessage);
        this.errorType = errorType;
        this.errorMessage = errorMessage;
    }

    /** What Quarkus Lambda reports for an exception thrown by a handler. */
    public static FunctionError of(Throwable thrown) {
        return new FunctionError(thrown.getClass().getName(), thrown.getMessage());
    }

    /** The Step Functions error this failure becomes. */
    public StatesError toStatesError() {
        ObjectNode cause = Json.object();
        cause.put("errorMessage", errorMessage);
        cause.put("errorType", errorType);
        return new StatesError(errorType, Json.text(cause));
    }
}
