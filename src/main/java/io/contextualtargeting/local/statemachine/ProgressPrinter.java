package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.workflow.LambdaErrors;
import io.contextualtargeting.workflow.ResourcePendingException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints one line per execution start, state entered, state failure and execution end, prefixed
 * with the state machine and the start of the execution name: the progress the {@code run} command shows.
 * Polling (a task retried on ResourcePendingException until its resource is ready) is one
 * "waiting" line per state entered, not a failure per attempt; an execution's failure is printed
 * with its whole cause, as a person reads it (file, line, field).
 */
public final class ProgressPrinter implements ExecutionListener {
    private static final String PENDING = ResourcePendingException.class.getName();

    private final PrintStream out;
    private final Clock clock;
    /** The states (execution and state name) that have said they are waiting since they were entered. */
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();

    public ProgressPrinter(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void executionStarted(ExecutionRecord execution) {
        out.println(label(execution.executionArn()) + " started");
    }

    @Override
    public void stateEntered(String executionArn, String stateName, JsonNode input) {
        waiting.remove(executionArn + "\n" + stateName);
        out.println(label(executionArn) + "   " + stateName);
    }

    @Override
    public void stateFailed(String executionArn, String stateName, String error, String cause) {
        if (!PENDING.equals(error)) {
            out.println(label(executionArn) + "   " + stateName + " failed: " + error);
        } else if (waiting.add(executionArn + "\n" + stateName)) {
            out.println(label(executionArn) + "   " + stateName + " waiting: " + LambdaErrors.readable(cause));
        }
    }

    @Override
    public void executionEnded(ExecutionRecord execution) {
        String ms = execution.duration(clock.instant()).toMillis() + " ms";
        waiting.removeIf(key -> key.startsWith(execution.executionArn() + "\n"));
        String error = execution.error() == null ? "" : " " + execution.error() + ": "
                + LambdaErrors.readable(execution.cause());
        out.println(label(execution.executionArn()) + " " + execution.status() + " (" + ms + ")" + error);
    }

    /** {@code [machine abcd1234]} from {@code ...:execution:machine:abcd1234-...}. */
    private static String label(String executionArn) {
        String[] parts = executionArn.split(":");
        String name = parts[parts.length - 1];
        return "[" + parts[parts.length - 2] + " " + name.substring(0, Math.min(8, name.length())) + "]";
    }
}
