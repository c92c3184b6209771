package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.formats.InputException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The local Step Functions service: the deployed state machines, and StartExecution, which runs an
 * execution to its end on the calling thread and persists it in the {@link ExecutionStore}.
 */
public final class LocalStepFunctions implements ExecutionStarter {
    private static final Pattern EXECUTION_NAME = Pattern.compile("[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/]{1,80}");

    private final Map<String, StateMachine> byArn = new LinkedHashMap<>();
    private final TaskServices services;
    private final ExecutionStore store;
    private final ExecutionEnvironment environment;
    private final ExecutionListener listener;

    public LocalStepFunctions(Collection<StateMachine> machines, TaskServices services, ExecutionStore store,
                              ExecutionEnvironment environment, ExecutionListener listener) {
        machines.forEach(m -> byArn.put(m.arn(), m));
        this.services = services;
        this.store = store;
        this.environment = environment;
        this.listener = listener;
    }

    public List<StateMachine> stateMachines() {
        return List.copyOf(byArn.values());
    }

    /** The machine with this ARN or name. */
    public StateMachine stateMachine(String arnOrName) {
        StateMachine machine = byArn.get(arnOrName);
        if (machine != null) {
            return machine;
        }
        return byArn.values().stream().filter(m -> m.name().equals(arnOrName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no state machine '" + arnOrName + "' (known: "
                        + String.join(", ", byArn.values().stream().map(StateMachine::name).toList()) + ")"));
    }

    /**
     * Starts and runs an execution; returns it ended. {@code name} null: a UUID, as StartExecution
     * generates. An input over 256 KiB, a bad or already used name fail as StartExecution does.
     */
    @Override
    public ExecutionRecord startExecution(String stateMachineArnOrName, String name, JsonNode input) {
        StateMachine machine = stateMachine(stateMachineArnOrName);
        String executionName = name == null ? environment.uuids().get().toString() : name;
        if (!EXECUTION_NAME.matcher(executionName).matches()) {
            throw new InputException("execution name", 0, null, "'" + executionName + "' is not a valid execution "
                    + "name (1 to 80 characters, no whitespace, brackets, wildcards or special characters)");
        }
        if (store.exists(machine.name(), executionName)) {
            throw new InputException("execution name", 0, null, "an execution named '" + executionName
                    + "' of " + machine.name() + " already exists (ExecutionAlreadyExists)");
        }
        int size = Json.utf8Size(input);
        if (size > ExecutionRunner.MAX_PAYLOAD_BYTES) {
            throw new InputException("input of " + machine.name(), 0, null, "has " + size
                    + " bytes; Step Functions accepts at most " + ExecutionRunner.MAX_PAYLOAD_BYTES);
        }
        ExecutionRunner runner = new ExecutionRunner(machine, machine.executionArn(executionName), services,
                environment, listener);
        ExecutionRecord end = runner.run(executionName, input, store::save);
        store.save(end);
        return end;
    }
}
