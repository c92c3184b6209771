package io.contextualtargeting.local.statemachine;

/** A parsed, validated state machine: its name (for messages), top-level states and TimeoutSeconds. */
public record StateMachineDefinition(String name, State.Scope root, Integer timeoutSeconds) {
}
