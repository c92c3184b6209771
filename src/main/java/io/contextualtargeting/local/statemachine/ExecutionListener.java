package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;

/** Follows executions as they run, e.g. to print progress per state. Every method is optional. */
public interface ExecutionListener {
    ExecutionListener NONE = new ExecutionListener() {
    };

    default void executionStarted(ExecutionRecord execution) {
    }

    default void stateEntered(String executionArn, String stateName, JsonNode input) {
    }

    default void stateExited(String executionArn, String stateName, JsonNode output) {
    }

    /** A state failed with {@code error}; Retry or Catch may still handle it. */
    default void stateFailed(String executionArn, String stateName, String error, String cause) {
    }

    default void executionEnded(ExecutionRecord execution) {
    }
}
