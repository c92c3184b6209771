package io.contextualtargeting.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.local.statemachine.Abbreviation;
import io.contextualtargeting.local.statemachine.ExecutionRecord;
import io.contextualtargeting.local.statemachine.ExecutionStore;
import io.contextualtargeting.local.statemachine.HistoryEvent;
import io.contextualtargeting.local.statemachine.Json;
import io.contextualtargeting.workflow.LambdaErrors;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code execution <id>}: one local execution as the console shows it: status, input, output or
 * error, then the states entered in order with their inputs, outputs, failures and retries. Big
 * values are shortened to {@code --max-chars} characters ({@code --json} prints the whole record);
 * the execution's cause is printed whole, as the message a Lambda error carries.
 */
public final class ExecutionCommand implements Command {
    private static final int DEFAULT_MAX_CHARS = 300;

    private final Clock clock;

    public ExecutionCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public int run(CliArgs args, PrintStream out, PrintStream err) throws Exception {
        Path work = args.path("work", ExecutionsCommand.DEFAULT_WORK);
        boolean json = args.flag("json");
        int maxChars = args.intOption("max-chars", DEFAULT_MAX_CHARS);
        args.rejectUnknown();
        List<String> ids = args.positional();
        if (ids.size() != 1) {
            throw new CliArgs.UsageException("give exactly one execution name, name prefix or ARN");
        }
        Optional<ExecutionRecord> found;
        try {
            found = new ExecutionStore(work).find(ids.get(0));
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        if (found.isEmpty()) {
            err.println("error: no execution '" + ids.get(0) + "' in " + work.resolve("executions")
                    + " (the executions command lists them)");
            return 1;
        }
        ExecutionRecord execution = found.get();
        if (json) {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(execution));
            return 0;
        }
        printSummary(execution, maxChars, out);
        printStates(execution, maxChars, out);
        return 0;
    }

    private void printSummary(ExecutionRecord e, int maxChars, PrintStream out) {
        out.println("Execution      " + e.name());
        out.println("ARN            " + e.executionArn());
        out.println("State machine  " + e.stateMachineName());
        out.println("Status         " + e.status());
        out.println("Started        " + e.startDate());
        out.println("Stopped        " + (e.stopDate() == null ? "-" : e.stopDate()) + "  ("
                + ExecutionsCommand.duration(e.duration(clock.instant())) + ")");
        out.println("Input          " + Abbreviation.of(e.input(), maxChars));
        if (e.output() != null && !e.output().isNull()) {
            out.println("Output         " + Abbreviation.of(e.output(), maxChars));
        }
        if (e.error() != null || e.cause() != null) {
            // The cause is what a person came to read (file, line, field): shown whole, as the message it carries.
            out.println("Error          " + e.error());
            out.println("Cause          " + String.valueOf(LambdaErrors.readable(e.cause())).replace("\n", "\n               "));
        }
        out.println();
    }

    private static void printStates(ExecutionRecord e, int maxChars, PrintStream out) {
        out.println("States");
        for (HistoryEvent event : e.events()) {
            String line = describe(event, maxChars);
            if (line != null) {
                out.printf("  %4d  %s  %s%n", event.id(), event.timestamp(), line);
            }
        }
    }

    /** One line for the events a reader follows; null for bookkeeping events. */
    private static String describe(HistoryEvent event, int maxChars) {
        String type = event.type();
        JsonNode d = event.details();
        if (type.endsWith("StateEntered")) {
            String stateType = type.substring(0, type.length() - "StateEntered".length());
            return "enter " + event.stateName() + " (" + stateType + ")  input " + Abbreviation.of(d.get("input"), maxChars);
        }
        if (type.endsWith("StateExited")) {
            return "exit  " + event.stateName() + "  output " + Abbreviation.of(d.get("output"), maxChars);
        }
        if (type.endsWith("Failed") || type.endsWith("TimedOut") || type.equals("ExecutionAborted")) {
            String where = event.stateName() == null ? "execution" : event.stateName();
            String index = d.has("index") ? " item " + d.get("index").asInt() : "";
            return "FAIL  " + where + index + " (" + type + ")  " + d.path("error").asText() + ": "
                    + Abbreviation.of(d.path("cause").asText(), maxChars);
        }
        return switch (type) {
            case "RetryScheduled" -> "retry " + event.stateName() + " #" + d.get("retryCount").asInt() + " in "
                    + d.get("intervalSeconds").asDouble() + " s after " + d.get("error").asText();
            case "WaitStarted" -> "wait  " + event.stateName() + " " + d.get("seconds").asDouble() + " s";
            case "MapIterationStarted" -> "item  " + event.stateName() + " #" + d.get("index").asInt();
            case "ExecutionSucceeded" -> "SUCCEEDED  output " + Abbreviation.of(d.get("output"), maxChars);
            default -> null;
        };
    }

    @Override
    public String usage() {
        return "execution <name|prefix|arn> [--work DIR] [--max-chars N] [--json]   show one execution state by state";
    }
}
