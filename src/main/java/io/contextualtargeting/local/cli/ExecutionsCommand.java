package io.contextualtargeting.local.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.contextualtargeting.local.statemachine.ExecutionRecord;
import io.contextualtargeting.local.statemachine.ExecutionStore;
import io.contextualtargeting.local.statemachine.Json;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code executions}: lists the local executions kept in the work folder, oldest first. */
@Command(name = "executions", header = "list the local executions of a work folder",
        description = "Lists the local executions of a work folder, oldest first: name, state"
        + " machine, status, start and duration, as the Step Functions console does.")
final class ExecutionsCommand implements Callable<Integer> {
    private final Streams streams;
    private final Clock clock;

    @Mixin
    WorkOption workOption;

    @Option(names = "--json", description = "Print the list as one JSON array.")
    boolean json;

    ExecutionsCommand(Streams streams, Clock clock) {
        this.streams = streams;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Path work = workOption.work;
        PrintStream out = streams.out();
        List<ExecutionRecord> executions = new ExecutionStore(work).list();
        Instant now = clock.instant();
        if (json) {
            ArrayNode list = Json.MAPPER.createArrayNode();
            for (ExecutionRecord e : executions) {
                list.addObject().put("name", e.name()).put("executionArn", e.executionArn())
                        .put("stateMachine", e.stateMachineName()).put("status", e.status().name())
                        .put("startDate", e.startDate().toString())
                        .put("stopDate", e.stopDate() == null ? null : e.stopDate().toString())
                        .put("durationSeconds", e.duration(now).toMillis() / 1000.0);
            }
            out.println(Json.text(list));
            return Main.OK;
        }
        if (executions.isEmpty()) {
            out.println("no executions in " + work.resolve("executions"));
            return Main.OK;
        }
        int nameWidth = Math.max(4, executions.stream().mapToInt(e -> e.name().length()).max().orElse(0));
        int machineWidth = Math.max(13, executions.stream().mapToInt(e -> e.stateMachineName().length()).max().orElse(0));
        String format = "%-" + nameWidth + "s  %-" + machineWidth + "s  %-9s  %-24s  %s%n";
        out.printf(format, "NAME", "STATE MACHINE", "STATUS", "START", "DURATION");
        for (ExecutionRecord e : executions) {
            out.printf(format, e.name(), e.stateMachineName(), e.status(), e.startDate(), duration(e.duration(now)));
        }
        return Main.OK;
    }

    /** {@code 850 ms}, {@code 12.3 s}, {@code 4 min 05 s}, {@code 2 h 03 min}. */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format("%.1f s", millis / 1000.0);
        }
        long seconds = duration.toSeconds();
        if (seconds < 3600) {
            return String.format("%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format("%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }
}
