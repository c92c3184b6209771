package io.contextualtargeting.local;

import static io.contextualtargeting.local.PipelineRun.IMPORT;
import static io.contextualtargeting.local.PipelineRun.TRAINING;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contextualtargeting.local.statemachine.ExecutionRecord;
import io.contextualtargeting.workflow.ResourcePendingException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every polling loop of the deployed state machines is a Retry on ResourcePendingException with a
 * bounded number of attempts and a bounded total wait, and no state machine loops any other way; a
 * resource that never finishes therefore ends the execution FAILED with a message saying so.
 */
class PollingBoundsTest {
    private static final String PENDING = ResourcePendingException.class.getName();
    /** The longest any one state may poll: training a solution version takes hours on Personalize. */
    private static final Duration MAX_POLLING = Duration.ofHours(12);

    @RegisterExtension
    static final TinyDataset DATASET = new TinyDataset();
    @TempDir
    Path dir;

    @Test
    void everyPollingRetryHasMaxAttemptsAndABoundedTotalWait() throws IOException {
        Map<String, Duration> bounds = new LinkedHashMap<>();
        for (Path file : deployedStateMachines()) {
            forEachState(read(file).path("States"), (name, state) -> {
                for (JsonNode retry : state.path("Retry")) {
                    if (retries(retry, PENDING)) {
                        assertThat(retry.has("MaxAttempts")).as("%s %s sets MaxAttempts", file.getFileName(), name).isTrue();
                        bounds.put(file.getFileName() + " " + name, totalWait(retry));
                    }
                }
            });
        }

        assertThat(bounds).as("the polling states").containsKeys("training.asl.json TrainSolutionVersion",
                "training.asl.json ImportDataset", "segment-import.asl.json CheckSegmentImport");
        assertThat(bounds).allSatisfy((state, bound) -> assertThat(bound).as(state)
                .isPositive().isLessThanOrEqualTo(MAX_POLLING));
    }

    @Test
    void noStateMachineLoopsOutsideItsRetries() throws IOException {
        for (Path file : deployedStateMachines()) {
            List<JsonNode> graphs = new ArrayList<>();
            JsonNode root = read(file);
            graphs.add(root);
            forEachState(root.path("States"), (name, state) -> {
                for (String processor : List.of("ItemProcessor", "Iterator")) {
                    if (state.has(processor)) {
                        graphs.add(state.get(processor));
                    }
                }
                state.path("Branches").forEach(graphs::add);
            });
            for (JsonNode graph : graphs) {
                assertThat(cycleFrom(graph.path("StartAt").asText(), graph.path("States"), new HashSet<>(), new HashSet<>()))
                        .as("a loop in %s", file.getFileName()).isNull();
            }
        }
    }

    @Test
    void aTrainingThatNeverFinishesEndsFailedAfterItsLastAttempt() throws IOException {
        PipelineFixture fixture = DATASET.copyTo(dir);

        fixture.hold(arn -> arn.matches(".*:solution/[^/]+/.+"));
        PipelineRun run = fixture.run();

        ExecutionRecord training = run.execution(TRAINING);
        assertThat(training.status().name()).isEqualTo("FAILED");
        assertThat(run.shown(training)).contains("Error          " + PENDING)
                .containsPattern("solution version \\S+ is still CREATE IN_PROGRESS");
        long attempts = training.events().stream().filter(e -> e.type().equals("LambdaFunctionFailed")
                && "TrainSolutionVersion".equals(e.stateName())).count();
        int maxAttempts = pendingRetry("training.asl.json", "TrainSolutionVersion").path("MaxAttempts").asInt();
        assertThat(attempts).as("the first call and every retry; the failed iteration then fails the Map, which stops the other")
                .isEqualTo(maxAttempts + 1);
        assertThat(run.emails()).filteredOn(mail -> mail.contains("training failed")).singleElement()
                .satisfies(mail -> assertThat(mail).contains("is still CREATE IN_PROGRESS").contains("stopped waiting"));
        assertThat(run.executions(PipelineRun.POST_PROCESSING)).isEmpty();
    }

    @Test
    void anImportThatNeverFinishesEndsFailedAfterItsLastAttempt() throws IOException {
        PipelineFixture fixture = DATASET.copyTo(dir);

        fixture.hold(id -> id.startsWith("import-"));
        PipelineRun run = fixture.run();

        ExecutionRecord endpoints = run.importOf("endpoints.csv");
        assertThat(endpoints.status().name()).isEqualTo("FAILED");
        assertThat(run.shown(endpoints)).containsPattern("import job \\S+ of segment endpoints.csv is still PROCESSING");
        long attempts = endpoints.events().stream().filter(e -> e.type().equals("LambdaFunctionFailed")
                && "CheckSegmentImport".equals(e.stateName())).count();
        assertThat(attempts).isEqualTo(pendingRetry("segment-import.asl.json", "CheckSegmentImport").path("MaxAttempts").asInt() + 1);
        assertThat(run.executions(IMPORT)).allSatisfy(e -> assertThat(e.status().name()).isEqualTo("FAILED"));
        assertThat(run.emails()).anySatisfy(mail -> assertThat(mail).contains("import of segment endpoints.csv failed")
                .contains("stopped waiting"));
        assertThat(run.cloud().pinpoint().segmentSizes()).isEmpty();
    }

    /** The statemachines folder the templates deploy (and the local runner bundles). */
    private static List<Path> deployedStateMachines() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(Path.of("statemachines"), "*.asl.json")) {
            found.forEach(files::add);
        }
        assertThat(files).isNotEmpty();
        return files;
    }

    private static JsonNode read(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    private static JsonNode pendingRetry(String file, String stateName) throws IOException {
        JsonNode[] found = new JsonNode[1];
        forEachState(read(Path.of("statemachines", file)).path("States"), (name, state) -> {
            if (name.equals(stateName)) {
                state.path("Retry").forEach(r -> {
                    if (retries(r, PENDING)) {
                        found[0] = r;
                    }
                });
            }
        });
        assertThat(found[0]).as("the Retry on ResourcePendingException of " + stateName).isNotNull();
        return found[0];
    }

    private static boolean retries(JsonNode retry, String error) {
        for (JsonNode name : retry.path("ErrorEquals")) {
            if (name.asText().equals(error) || name.asText().equals("States.ALL")) {
                return true;
            }
        }
        return false;
    }

    /** The longest a retrier waits in all, as Step Functions computes its intervals (jitter only shortens them). */
    static Duration totalWait(JsonNode retry) {
        double interval = retry.path("IntervalSeconds").asDouble(1);
        double rate = retry.path("BackoffRate").asDouble(2.0);
        double cap = retry.has("MaxDelaySeconds") ? retry.get("MaxDelaySeconds").asDouble() : Double.MAX_VALUE;
        double total = 0;
        for (int attempt = 0; attempt < retry.path("MaxAttempts").asInt(3); attempt++) {
            total += Math.min(interval * Math.pow(rate, attempt), cap);
        }
        return Duration.ofMillis((long) Math.min(total * 1000, Long.MAX_VALUE));
    }

    /** Visits every state, those of Map item processors and Parallel branches included. */
    private static void forEachState(JsonNode states, java.util.function.BiConsumer<String, JsonNode> visit) {
        states.fields().forEachRemaining(entry -> {
            visit.accept(entry.getKey(), entry.getValue());
            forEachState(entry.getValue().path("ItemProcessor").path("States"), visit);
            forEachState(entry.getValue().path("Iterator").path("States"), visit);
            entry.getValue().path("Branches").forEach(branch -> forEachState(branch.path("States"), visit));
        });
    }

    /** A state reached again from itself by Next, Default, Choices or Catch; null when there is none. */
    private static String cycleFrom(String name, JsonNode states, Set<String> onPath, Set<String> done) {
        if (onPath.contains(name)) {
            return name;
        }
        if (!done.add(name)) {
            return null;
        }
        onPath.add(name);
        JsonNode state = states.path(name);
        List<String> next = new ArrayList<>();
        if (state.has("Next")) {
            next.add(state.get("Next").asText());
        }
        if (state.has("Default")) {
            next.add(state.get("Default").asText());
        }
        state.path("Choices").forEach(c -> next.add(c.path("Next").asText()));
        state.path("Catch").forEach(c -> next.add(c.path("Next").asText()));
        for (String target : next) {
            String cycle = cycleFrom(target, states, onPath, done);
            if (cycle != null) {
                return cycle;
            }
        }
        onPath.remove(name);
        return null;
    }
}
