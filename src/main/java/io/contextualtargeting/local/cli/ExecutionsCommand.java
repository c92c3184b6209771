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

/** {@code executions}: lists the local executions kept in the work folder, oldest first. */
public final class ExecutionsCommand implements Command {
    static final String DEFAULT_WORK = ".local-run";

    private final Clock clock;

    public ExecutionsCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public int run(CliArgs args, PrintStream out, PrintStream err) {
        Path work = args.path("work", DEFAULT_WORK);
        boolean json = args.flag("json");
        args.rejectUnknown();
        if (!args.positional().isEmpty()) {
            throw new CliArgs.UsageException("executions takes no arguments, got " + args.positional());
        }
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
            return 0;
        }
        if (executions.isEmpty()) {
            out.println("no executions in " + work.resolve("executions"));
            return 0;
        }
        int nameWidth = Math.max(4, executions.stream().mapToInt(e -> e.name().length()).max().orElse(0));
        int machineWidth = Math.max(13, executions.stream().mapToInt(e -> e.stateMachineName().length()).max().orElse(0));
        String format = "%-" + nameWidth + "s  %-" + machineWidth + "s  %-9s  %-24s  %s%n";
        out.printf(format, "NAME", "STATE MACHINE", "STATUS", "START", "DURATION");
        for (ExecutionRecord e : executions) {
            out.printf(format, e.name(), e.stateMachineName(), e.status(), e.startDate(), duration(e.duration(now)));
        }
        return 0;
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

    @Override
    public String usage() {
        return "executions [--work DIR] [--json]   list local executions (state machine, status, start, duration)";
    }
}
