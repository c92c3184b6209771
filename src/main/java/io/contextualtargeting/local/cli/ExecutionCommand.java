package io.contextualtargeting.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.local.LocalCloud;
import io.contextualtargeting.local.statemachine.Abbreviation;
import io.contextualtargeting.local.statemachine.ExecutionRecord;
import io.contextualtargeting.local.statemachine.ExecutionStore;
import io.contextualtargeting.local.statemachine.HistoryEvent;
import io.contextualtargeting.local.statemachine.Json;
import io.contextualtargeting.workflow.LambdaErrors;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code execution <id>}: one local execution as the console shows it: status, input, output or
 * error, then the states entered in order with their inputs, outputs, failures and retries. Big
 * values are shortened to {@code --max-chars} characters ({@code --json} prints the whole record);
 * the execution's cause is printed whole, as the message a Lambda error carries.
 */
@Command(name = "execution", header = "show one local execution state by state",
        description = "Shows one local execution as the Step Functions console does: status,"
        + " input, output or error (its cause whole), then every state entered with its input, output, failures and"
        + " retries.")
final class ExecutionCommand implements Callable<Integer> {
    private final Streams streams;
    private final Clock clock;

    @Parameters(paramLabel = "ID", description = "The execution's name, a unique prefix of it, or its ARN.")
    String id;

    @Mixin
    WorkOption workOption;

    @Option(names = "--max-chars", paramLabel = "N", description = "Shorten inputs and outputs to N characters.")
    int maxChars = 300;

    @Option(names = "--json", description = "Print the whole execution record as JSON.")
    boolean json;

    ExecutionCommand(Streams streams, Clock clock) {
        this.streams = streams;
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        Path work = workOption.work;
        PrintStream out = streams.out();
        Optional<ExecutionRecord> found;
        try {
            found = new ExecutionStore(work).find(id);
        } catch (IllegalArgumentException e) {
            streams.err().println("error: " + e.getMessage());
            return Main.FAILED;
        }
        if (found.isEmpty()) {
            streams.err().println("error: no execution '" + id + "' in " + work.resolve("executions") + " (see them with "
                    + LocalCloud.cliCommand(work, "executions") + ")");
            return Main.FAILED;
        }
        ExecutionRecord execution = found.get();
        if (json) {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(execution));
            return Main.OK;
        }
        printSummary(execution, maxChars, out);
        printStates(execution, maxChars, out);
        return Main.OK;
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
}
