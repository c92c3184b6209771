package io.contextualtargeting.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.aws.AwsServiceUnavailableException;
import io.contextualtargeting.aws.PinpointImportLimitException;
import io.contextualtargeting.aws.S3UnavailableException;
import io.contextualtargeting.formats.Json;
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
 * The service-prefixed names are checked against botocore's API models and Step Functions' documentation.
 */
class TaskRetryTest {

    /** What a throttled or failing AWS call inside a function escapes as, and Lambda's own throttling. */
    static final List<String> LAMBDA_TASK_TRANSIENT = List.of(
            AwsServiceUnavailableException.class.getName(),
            S3UnavailableException.class.getName(),
            "Lambda.TooManyRequestsException",
            "Lambda.ServiceException",
            "Lambda.ClientExecutionTimeoutException");
    static final List<String> PUT_EVENTS_TRANSIENT = List.of(
            "EventBridge.ThrottlingException",
            "EventBridge.InternalException",
            "EventBridge.FailedEntry");
    /**
     * Names Step Functions reports that are not errors of the service's API model: the Lambda
     * integration's client-side failures (Step Functions developer guide, "Handle Lambda service
     * exceptions": ClientExecutionTimeoutException, AWSLambdaException, SdkClientException; unhandled
     * function errors: Unknown) and the EventBridge integration's failed entries ("Add EventBridge
     * events with Step Functions": a non-zero FailedEntryCount fails the task with EventBridge.FailedEntry).
     */
    private static final Map<String, List<String>> STEP_FUNCTIONS_OWN_NAMES = Map.of(
            "Lambda", List.of("ClientExecutionTimeoutException", "AWSLambdaException", "SdkClientException", "Unknown"),
            "EventBridge", List.of("FailedEntry"));
    /** The integration prefix of an error name, and botocore's directory of the service's model. */
    private static final Map<String, String> BOTOCORE_SERVICE = Map.of("Lambda", "lambda", "EventBridge", "events");
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

    /**
     * Ecosystem check: every {@code Lambda.*} and {@code EventBridge.*} name that a Retry or Catch
     * matches is an error of that service's API model in botocore, or one of the names Step Functions
     * documents for its integration: a misspelt name would never match, and the error it meant would
     * fail the execution unretried.
     */
    @Test
    void everyServiceErrorNameIsOneTheServiceOrStepFunctionsReports() {
        List<String> unknown = new ArrayList<>();
        for (TaskState task : taskStates()) {
            for (String name : errorNames(task.state())) {
                int dot = name.indexOf('.');
                String prefix = dot < 0 ? "" : name.substring(0, dot);
                String error = name.substring(dot + 1);
                if (BOTOCORE_SERVICE.containsKey(prefix) && !STEP_FUNCTIONS_OWN_NAMES.get(prefix).contains(error)
                        && !BotocoreModel.of(BOTOCORE_SERVICE.get(prefix)).hasError(error)) {
                    unknown.add(task + ": " + name);
                }
            }
        }

        assertThat(unknown).as("error names that neither botocore's model nor Step Functions' documentation knows").isEmpty();
        assertThat(BotocoreModel.of("events").hasError("ThrottledException")).as("a misspelt name is not in the model").isFalse();
    }

    /** Every error botocore's model declares for PutEvents (InternalException) is retried, and throttling. */
    @Test
    void announceBatchSegmentJobRetriesEveryErrorOfPutEventsInTheModel() {
        TaskState announce = taskStates().stream().filter(t -> t.name().equals("AnnounceBatchSegmentJob")).findFirst().orElseThrow();
        BotocoreModel events = BotocoreModel.of("events");

        assertThat(events.errors("PutEvents")).isNotEmpty().allSatisfy(error ->
                assertThat(retrierFor(announce.state(), "EventBridge." + error)).as("EventBridge." + error).isPresent());
        assertThat(events.hasError("ThrottlingException")).isTrue();
    }

    /** The Lambda errors retried on every task are errors of Invoke in botocore's model, with the statuses of throttling and failure. */
    @Test
    void retriedLambdaErrorsAreInvokeErrorsOfTheModel() {
        BotocoreModel lambda = BotocoreModel.of("lambda");

        assertThat(lambda.errors("Invoke")).contains("TooManyRequestsException", "ServiceException");
        assertThat(lambda.httpStatus("TooManyRequestsException")).isEqualTo(429);
        assertThat(lambda.httpStatus("ServiceException")).isEqualTo(500);
    }

    /** The Pinpoint adapter takes CreateImportJob's throttling answer, by the model's name and status, for the import limit. */
    @Test
    void pinpointsImportLimitAnswerIsCreateImportJobsThrottlingInTheModel() {
        BotocoreModel pinpoint = BotocoreModel.of("pinpoint");

        assertThat(pinpoint.errors("CreateImportJob")).contains(PinpointImportLimitException.THROTTLED_ERROR_CODE);
        assertThat(pinpoint.httpStatus(PinpointImportLimitException.THROTTLED_ERROR_CODE))
                .isEqualTo(PinpointImportLimitException.THROTTLED_STATUS);
    }

    /** The names every Retry and Catch of the state matches. */
    private static List<String> errorNames(JsonNode state) {
        List<String> names = new ArrayList<>();
        for (String field : List.of("Retry", "Catch")) {
            state.path(field).forEach(entry -> entry.path("ErrorEquals").forEach(n -> names.add(n.asText())));
        }
        return names;
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
