package io.contextualtargeting.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.local.cli.Main;
import io.contextualtargeting.local.statemachine.ExecutionRecord;
import io.contextualtargeting.ports.ObjectRef;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** What one local run left behind: its summary, the cloud (to inspect the stand-ins), its work folder and console. */
record PipelineRun(RunSummary summary, LocalCloud cloud, Path work, ByteArrayOutputStream console) {

    static final String TRAINING = "-training";
    static final String POST_PROCESSING = "-segment-postprocessing";
    static final String IMPORT = "-segment-import";

    /** The executions of one state machine (by name suffix), oldest first. */
    List<ExecutionRecord> executions(String stateMachineSuffix) {
        return cloud.executions().list().stream().filter(e -> e.stateMachineName().endsWith(stateMachineSuffix))
                .sorted(Comparator.comparing(ExecutionRecord::startDate)).toList();
    }

    /** The only execution of a state machine. */
    ExecutionRecord execution(String stateMachineSuffix) {
        List<ExecutionRecord> found = executions(stateMachineSuffix);
        assertThat(found).as("executions of *%s", stateMachineSuffix).hasSize(1);
        return found.get(0);
    }

    /** The import execution of a segment file, by the file's name. */
    ExecutionRecord importOf(String fileName) {
        return executions(IMPORT).stream().filter(e -> e.input().path("detail").path("object").path("key").asText()
                .endsWith("/" + fileName)).findFirst().orElseThrow(() -> new AssertionError("no import of " + fileName));
    }

    /** An execution as the {@code execution <id>} command prints it, with its default options. */
    String shown(ExecutionRecord execution) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(List.of("execution", execution.name(), "--work", work.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Every email sent, subject line first, in order. */
    List<String> emails() {
        return filesUnder(work.resolve("outbox")).stream().map(PipelineFixture::read).toList();
    }

    /** The segment files written under the segment import prefix (the endpoints file excluded). */
    List<Path> segmentFiles() {
        String bucket = cloud.bucket("SegmentImportBucket");
        String prefix = cloud.parameter("SegmentImportPrefix");
        return cloud.store().list(bucket, prefix).stream().filter(ref -> !ref.fileName().equals("endpoints.csv"))
                .map(cloud.store()::pathOf).toList();
    }

    /** Every file the run wrote: the local buckets, the executions, the outbox. */
    List<Path> writtenFiles() {
        return filesUnder(work);
    }

    String consoleText() {
        return console.toString(StandardCharsets.UTF_8);
    }

    Path pathOf(ObjectRef ref) {
        return cloud.store().pathOf(ref);
    }

    private static List<Path> filesUnder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
