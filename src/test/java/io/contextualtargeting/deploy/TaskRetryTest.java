package io.contextualtargeting.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.aws.AwsServiceUnavailableException;
import io.contextualtargeting.aws.PinpointImportLimitException;
import io.contextualtargeting.aws.S3UnavailableException;
import io.contextualtargeting.workflow.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Task state of every state machine retries throttling and service-unavailable errors, by the
 * names Step Functions reports them under, with bounded exponential backoff. A Quarkus Lambda
 * reports errorType = the escaping exception's class name; the Lambda service's own throttling is
 * {@code Lambda.TooManyRequestsException}; the EventBridge integration reports {@code EventBridge.*}.
 */
class TaskRetryTest {

    /** What a throttled or failing AWS call inside a function escapes as, and Lambda's own throttling. */
    static final List<String> LAMBDA_TASK_TRANSIENT = List.of(
            AwsServiceUnavailableException.class.getName(),
            S3UnavailableException.class.getName(),
            "Lambda.TooManyRequestsException",
            "Lambda.ServiceException");
    static final List<String> PUT_EVENTS_TRANSIENT = List.of(
            "EventBridge.ThrottlingException",
            "EventBridge.InternalException",
            "EventBridge.FailedEntry");
    /** Bounded: no transient retry may keep a state going for more than this. */
    private static final double MAX_TOTAL_WAIT_SECONDS = 2 * 60 * 60;

    record TaskState(String file, String name, JsonNode state) {
        @Override
        public String toString() {
            return file + " " + name;
        }
    }

    static List<TaskState> taskStates() {
        List<TaskState> tasks = new ArrayList<>();
        for (String file : Repository.stateMachineFiles()) {
            try {
                collect(file, Json.mapper().readTree(Repository.read(file)), tasks);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tasks;
    }

    /** The Task states of a definition, nested Map and Parallel states included. */
    private static void collect(String file, JsonNode machine, List<TaskState> into) {
        for (Map.Entry<String, JsonNode> entry : machine.path("States").properties()) {
            JsonNode state = entry.getValue();
            if ("Task".equals(state.path("Type").asText())) {
                into.add(new TaskState(file, entry.getKey(), state));
            }
            if (state.has("ItemProcessor")) {
                collect(file, state.get("ItemProcessor"), into);
            }
            if (state.has("Iterator")) {
                collect(file, state.get("Iterator"), into);
            }
            state.path("Branches").forEach(branch -> collect(file, branch, into));
        }
    }

    @Test
    void everyStateMachineHasTaskStates() {
        assertThat(taskStates()).extracting(TaskState::file).containsAll(Repository.stateMachineFiles());
        assertThat(taskStates()).extracting(TaskState::name).contains("AnnounceBatchSegmentJob", "StartSegmentImport");
    }

    @ParameterizedTest
    @MethodSource("taskStates")
    void taskRetriesThrottlingAndUnavailabilityWithBoundedBackoff(TaskState task) {
        List<String> transientErrors = task.state().path("Resource").asText().equals("arn:aws:states:::events:putEvents")
                ? PUT_EVENTS_TRANSIENT : LAMBDA_TASK_TRANSIENT;

        for (String error : transientErrors) {
            JsonNode retrier = retrierFor(task.state(), error)
                    .orElseThrow(() -> new AssertionError(task + " does not retry " + error));
            assertThat(retrier.path("BackoffRate").asDouble(1.0)).as("%s: backoff of %s", task, error).isGreaterThan(1.0);
            assertThat(retrier.path("MaxAttempts").asInt(3)).as("%s: attempts of %s", task, error).isBetween(2, 10);
            assertThat(totalWaitSeconds(retrier)).as("%s: total wait for %s", task, error)
                    .isLessThanOrEqualTo(MAX_TOTAL_WAIT_SECONDS);
        }
    }

    /** Pinpoint runs at most two imports per account: a refusal for that limit is waited for, long but bounded. */
    @Test
    void startSegmentImportWaitsForPinpointsImportLimit() {
        TaskState start = taskStates().stream().filter(t -> t.name().equals("StartSegmentImport")).findFirst().orElseThrow();

        JsonNode retrier = retrierFor(start.state(), PinpointImportLimitException.class.getName()).orElseThrow();

        assertThat(totalWaitSeconds(retrier)).isBetween(30.0 * 60, MAX_TOTAL_WAIT_SECONDS);
    }

    @Test
    void aRetrierWithoutBackoffCapIsBoundedByItsAttempts() {
        JsonNode retrier = Json.mapper().createObjectNode().put("IntervalSeconds", 2).put("BackoffRate", 2.0)
                .put("MaxAttempts", 5);

        assertThat(totalWaitSeconds(retrier)).isEqualTo(2 + 4 + 8 + 16 + 32);
    }

    /** The first retrier that matches the error by name, as Step Functions picks it (States.ALL included). */
    private static Optional<JsonNode> retrierFor(JsonNode state, String error) {
        for (JsonNode retrier : state.path("Retry")) {
            for (JsonNode name : retrier.path("ErrorEquals")) {
                if (name.asText().equals(error) || name.asText().equals("States.ALL")) {
                    return Optional.of(retrier);
                }
            }
        }
        return Optional.empty();
    }

    /** The longest the retrier can wait in all: each delay grows by BackoffRate up to MaxDelaySeconds. */
    static double totalWaitSeconds(JsonNode retrier) {
        double delay = retrier.path("IntervalSeconds").asDouble(1);
        double cap = retrier.path("MaxDelaySeconds").asDouble(Double.MAX_VALUE);
        double total = 0;
        for (int attempt = 0; attempt < retrier.path("MaxAttempts").asInt(3); attempt++) {
            total += Math.min(delay, cap);
            delay *= retrier.path("BackoffRate").asDouble(2.0);
        }
        return total;
    }
}
