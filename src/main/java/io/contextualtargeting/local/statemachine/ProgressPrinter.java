package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.time.Clock;

/**
 * Prints one line per execution start, state entered, state failure and execution end, prefixed
 * with the state machine and the start of the execution name: the progress the {@code run} command shows.
 */
public final class ProgressPrinter implements ExecutionListener {
    private final PrintStream out;
    private final Clock clock;

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
        out.println(label(executionArn) + "   " + stateName);
    }

    @Override
    public void stateFailed(String executionArn, String stateName, String error, String cause) {
        out.println(label(executionArn) + "   " + stateName + " failed: " + error);
    }

    @Override
    public void executionEnded(ExecutionRecord execution) {
        String ms = execution.duration(clock.instant()).toMillis() + " ms";
        String error = execution.error() == null ? "" : " " + execution.error() + ": "
                + Abbreviation.of(String.valueOf(execution.cause()), 200);
        out.println(label(execution.executionArn()) + " " + execution.status() + " (" + ms + ")" + error);
    }

    /** {@code [machine abcd1234]} from {@code ...:execution:machine:abcd1234-...}. */
    private static String label(String executionArn) {
        String[] parts = executionArn.split(":");
        String name = parts[parts.length - 1];
        return "[" + parts[parts.length - 2] + " " + name.substring(0, Math.min(8, name.length())) + "]";
    }
}
