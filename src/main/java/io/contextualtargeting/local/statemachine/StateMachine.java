package io.contextualtargeting.local.statemachine;

/** A deployed state machine of the local cloud: name, ARN, parsed definition and execution role. */
public record StateMachine(String name, String arn, StateMachineDefinition definition, String roleArn) {

    /** The ARN Step Functions gives a state machine of this name in the local account and region. */
    public static String arnOf(String name) {
        return "arn:aws:states:local:000000000000:stateMachine:" + name;
    }

    /** The ARN of one execution of this machine. */
    public String executionArn(String executionName) {
        return "arn:aws:states:local:000000000000:execution:" + name + ":" + executionName;
    }
}
