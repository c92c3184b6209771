package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;

/** Starts an execution and runs it to its end: what an event-bus rule target calls. */
@FunctionalInterface
public interface ExecutionStarter {

    /** {@code name} may be null for a generated one. */
    ExecutionRecord startExecution(String stateMachineArnOrName, String name, JsonNode input);
}
