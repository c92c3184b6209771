package io.contextualtargeting.local.statemachine;

import io.contextualtargeting.formats.InputException;

/** A state-machine definition the local executor cannot run: names the machine, the state and the field. */
public final class AslDefinitionException extends InputException {
    public AslDefinitionException(String stateMachine, String field, String problem) {
        super("state machine " + stateMachine, 0, field, problem);
    }
}
