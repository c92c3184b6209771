package io.contextualtargeting.local.cli;

import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.formats.InputException;
import io.contextualtargeting.formats.Json;
import io.contextualtargeting.local.LocalCloud;
import io.contextualtargeting.local.LocalRun;
import io.contextualtargeting.local.RunSummary;
import io.contextualtargeting.local.cloudformation.TemplateSource;
import io.contextualtargeting.local.statemachine.ProgressPrinter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code run}: the whole pipeline on this machine, as the README's AWS steps run it in the cloud.
 * The data/pinpoint upload imports the endpoints, the data/personalize upload trains and segments,
 * the batch segment job events start post-processing, and the segment files are imported.
 */
@Command(name = "run", header = "the whole pipeline locally (the template's defaults: no Pinpoint)",
        description = {
    "Runs the whole pipeline on this machine with the template's state machines and handlers: uploads the data"
            + " folder as the README's AWS steps do, trains, segments and writes a segment file per query.",
    "Progress goes to stderr with --json, which prints one JSON summary line alone on stdout."})
final class RunCommand implements Callable<Integer> {
    private final Streams streams;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", converter = OptionTypes.InputFolder.class,
            description = "The data folder: pinpoint/ (endpoints.csv) and personalize/ (train/NAME/NAME_config.json with"
                    + " its CSV files, batch/.../job_config.json), as `generate --out DIR` writes it.")
    Path data;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = LocalCloud.DEFAULT_WORK,
            converter = OptionTypes.Folder.class,
            description = "The work folder (the local S3 buckets, segment files, emails, executions); emptied first, and"
                    + " only if this tool made it.")
    Path work;

    @Option(names = "--pinpoint-project-id", paramLabel = "ID", defaultValue = "none",
            converter = OptionTypes.PinpointProjectIds.class, completionCandidates = OptionTypes.PinpointProjectIds.class,
            description = "The template's PinpointProjectId: none (no Pinpoint part), create (a local Pinpoint project"
                    + " that imports data/pinpoint and every segment file) or a 32-character project id.")
    String pinpointProjectId;

    @Option(names = "--segment-file-form", paramLabel = "FORM", defaultValue = "User.UserId",
            converter = OptionTypes.SegmentFileForms.class, completionCandidates = OptionTypes.SegmentFileForms.class,
            description = "The template's SegmentFileForm: ${COMPLETION-CANDIDATES}. User.UserId writes user ids; Id"
                    + " writes endpoint ids and needs Pinpoint.")
    String segmentFileForm;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "Personalize",
            converter = OptionTypes.SegmentationEngines.class, completionCandidates = OptionTypes.SegmentationEngines.class,
            description = "The template's SegmentationEngine: ${COMPLETION-CANDIDATES}. Personalize runs the local"
                    + " Personalize stand-in (its resources' lifecycle polled as on AWS); Embedded runs the engine inside the"
                    + " training functions, as the deployed stack does with SegmentationEngine=Embedded.")
    String engine;

    @Option(names = "--json", description = "Print one JSON line summarising segments and executions, alone on stdout.")
    boolean json;

    RunCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        requireTrainingConfig(data);
        PrintStream progress = streams.progress(json);
        Map<String, String> parameters = Map.of("PinpointProjectId", pinpointProjectId, "SegmentFileForm", segmentFileForm,
                "SegmentationEngine", engine);
        LocalCloud.Settings settings = new LocalCloud.Settings(work, TemplateSource.classpath(LocalCloud.TEMPLATES),
                parameters, TrainingParameters.defaults(), 0, new ProgressPrinter(progress, Clock.systemUTC()), progress);
        RunSummary summary = new LocalRun(data, settings).run(progress);
        print(summary, progress);
        if (json) {
            streams.out().println(Json.mapper().valueToTree(summary).toString());
        }
        return summary.allSucceeded() ? Main.OK : Main.FAILED;
    }

    /** Without a training config the uploads would start nothing: say so before the work folder is emptied. */
    private static void requireTrainingConfig(Path data) {
        Path train = data.resolve("personalize").resolve("train");
        if (!Files.isDirectory(data.resolve("personalize"))) {
            return; // the run names the missing folder
        }
        boolean config;
        try (Stream<Path> files = Files.isDirectory(train) ? Files.walk(train) : Stream.empty()) {
            config = files.anyMatch(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".json"));
        } catch (IOException e) {
            throw new InputException(train.toString(), 0, null, "cannot read: " + e.getMessage());
        }
        if (!config) {
            throw new InputException(train.toString(), 0, null, "no training config (a .json file such as"
                    + " train/NAME/NAME_config.json naming the dataset group, schemas and solutions), so nothing would"
                    + " train. Make a complete folder from your CSV files with `init --interactions F [--items F] [--users F]"
                    + " --out DIR` (see \"Your own data\" in README.md), or a synthetic one with `generate --out DIR`.");
        }
    }

    private void print(RunSummary summary, PrintStream out) {
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
                "  %s %s %s %s%n    %s%n    (%s)%n", e.status(), e.stateMachine(), e.name(), e.error() == null ? "" : e.error(),
                e.cause() == null ? "" : e.cause().replace("\n", "\n    "),
                LocalCloud.cliCommand(work, "execution " + e.name())));
        if (summary.pinpoint()) {
            out.printf(Locale.ROOT, "%d emails in the outbox, %d endpoints in the local Pinpoint project.%n",
                    summary.emails(), summary.endpoints());
        } else {
            out.printf(Locale.ROOT, "%d emails in the outbox; no Pinpoint (PinpointProjectId none): the segment files"
                    + " are the deliverable.%n", summary.emails());
        }
        out.println("Everything is in " + work + "; inspect the executions with");
        out.println("  " + LocalCloud.cliCommand(work, "executions"));
        out.println("  " + LocalCloud.cliCommand(work, "execution <name or prefix>"));
    }
}
