package io.contextualtargeting.local.cli;

import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.formats.InputException;
import io.contextualtargeting.local.LocalCloud;
import io.contextualtargeting.local.LocalRun;
import io.contextualtargeting.local.RunSummary;
import io.contextualtargeting.local.cloudformation.TemplateSource;
import io.contextualtargeting.local.statemachine.ProgressPrinter;
import io.contextualtargeting.workflow.Json;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code run}: the whole pipeline on this machine, as the README's AWS steps run it in the cloud.
 * The data/pinpoint upload imports the endpoints, the data/personalize upload trains and segments,
 * the batch segment job events start post-processing, and the segment files are imported.
 */
public final class RunCommand implements Command {

    @Override
    public String usage() {
        return "run [--data data] [--work .local-run] [--pinpoint-project-id none|create]"
                + " [--segment-file-form User.UserId|Id] [--json]";
    }

    @Override
    public int run(CliArgs args, PrintStream out, PrintStream err) {
        Path data = args.path("data", "data");
        Path work = args.path("work", ".local-run");
        boolean json = args.flag("json");
        Map<String, String> parameters = new LinkedHashMap<>();
        args.option("pinpoint-project-id").ifPresent(id -> parameters.put("PinpointProjectId", id));
        args.option("segment-file-form").ifPresent(form -> parameters.put("SegmentFileForm", form));
        args.rejectUnknown();

        LocalCloud.Settings settings = new LocalCloud.Settings(work, TemplateSource.classpath(LocalCloud.TEMPLATES),
                parameters, TrainingParameters.defaults(), 0, new ProgressPrinter(out, Clock.systemUTC()), out);
        RunSummary summary;
        try {
            summary = new LocalRun(data, settings).run(out);
        } catch (InputException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        print(summary, out);
        if (json) {
            out.println(Json.mapper().valueToTree(summary).toString());
        }
        return summary.allSucceeded() ? 0 : 1;
    }

    private static void print(RunSummary summary, PrintStream out) {
        out.println();
        out.println("Segments:");
        for (RunSummary.Segment s : summary.segments()) {
            if (s.error() != null) {
                out.printf(Locale.ROOT, "  %-45s FAILED: %s%n", s.name(), s.error());
                continue;
            }
            out.printf(Locale.ROOT, "  %-45s users %6d  written %6d  endpoints %6d  no endpoint %5d  opted out %4d  import %s%n",
                    s.name(), s.users(), s.usersWritten(), s.endpointsWritten(), s.usersWithoutEndpoint(),
                    s.optedOutUsers(), s.imported());
            out.println("    " + s.query() + (s.csv() == null ? "  (no file: no user to write)" : "  -> " + s.csv()));
        }
        out.println("Executions:");
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        summary.executions().forEach(e -> counts.computeIfAbsent(e.stateMachine(), m -> new TreeMap<>())
                .merge(e.status(), 1, Integer::sum));
        counts.forEach((machine, byStatus) -> out.printf(Locale.ROOT, "  %-55s %s%n", machine, byStatus));
        summary.executions().stream().filter(e -> !"SUCCEEDED".equals(e.status())).forEach(e -> out.printf(Locale.ROOT,
                "  %s %s %s %s  (java -jar target/contextual-targeting-local.jar execution %s)%n",
                e.status(), e.stateMachine(), e.name(), e.error() == null ? "" : e.error(), e.name()));
        if (summary.pinpoint()) {
            out.printf(Locale.ROOT, "%d emails in the outbox, %d endpoints in the local Pinpoint project.%n",
                    summary.emails(), summary.endpoints());
        } else {
            out.printf(Locale.ROOT, "%d emails in the outbox; no Pinpoint (PinpointProjectId none): the segment files"
                    + " are the deliverable.%n", summary.emails());
        }
    }
}
