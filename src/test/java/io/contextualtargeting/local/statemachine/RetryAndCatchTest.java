package io.contextualtargeting.local.statemachine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static io.contextualtargeting.local.statemachine.TestCloud.json;
import static org.assertj.core.api.Assertions.assertThat;

class RetryAndCatchTest {
    @TempDir
    Path work;

    private static final String TASK = "\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:local:000000000000:function:flaky\"";

    /** A function that throws {@code failures} times, then returns {"ok":true}. */
    private TestCloud cloudFailing(int failures, RuntimeException error) {
        AtomicInteger calls = new AtomicInteger();
        return new TestCloud(work).function("flaky", payload -> {
            if (calls.incrementAndGet() <= failures) {
                throw error;
            }
            return json("{\"ok\":true}");
        });
    }

    @Test
    void functionErrorBecomesErrorTypeAndCauseJsonAsStepFunctionsReportsIt() {
        ExecutionRecord run = cloudFailing(1, new IllegalStateException("bad config"))
                .run("{\"StartAt\":\"T\",\"States\":{\"T\":{" + TASK + ",\"End\":true}}}", "{}");
        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.error()).isEqualTo("java.lang.IllegalStateException");
        assertThat(json(run.cause())).isEqualTo(json(
                "{\"errorMessage\":\"bad config\",\"errorType\":\"java.lang.IllegalStateException\"}"));
        assertThat(run.cause()).startsWith("{\"errorMessage\"");
    }

    @Test
    void retriesWaitIntervalTimesBackoffRateCappedByMaxDelay() {
        TestCloud cloud = cloudFailing(3, new IllegalStateException("transient"));
        ExecutionRecord run = cloud.run("{\"StartAt\":\"T\",\"States\":{\"T\":{" + TASK + ",\"Retry\":[{"
                + "\"ErrorEquals\":[\"java.lang.IllegalStateException\"],\"IntervalSeconds\":2,\"BackoffRate\":3,"
                + "\"MaxAttempts\":3,\"MaxDelaySeconds\":10}],\"End\":true}}}", "{}");
        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(cloud.time.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(6),
                Duration.ofSeconds(10));
        assertThat(run.events()).filteredOn(e -> e.type().equals("RetryScheduled")).hasSize(3);
    }

    @Test
    void retryCountIsVisibleInTheContextObject() {
        AtomicInteger calls = new AtomicInteger();
        TestCloud cloud = new TestCloud(work).function("flaky", payload -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("again");
            }
            return payload;
        });
        ExecutionRecord run = cloud.run("{\"StartAt\":\"T\",\"States\":{\"T\":{" + TASK
                + ",\"Parameters\":{\"retry.$\":\"$$.State.RetryCount\"},\"Retry\":[{\"ErrorEquals\":[\"States.ALL\"]}],"
                + "\"End\":true}}}", "{}");
        assertThat(run.output()).isEqualTo(json("{\"retry\":2}"));
    }

    @Test
    void exhaustedRetriesFallThroughToCatchWithErrorAtResultPath() {
        TestCloud cloud = cloudFailing(5, new IllegalArgumentException("no"));
        ExecutionRecord run = cloud.run("{\"StartAt\":\"T\",\"States\":{\"T\":{" + TASK + ","
                + "\"Retry\":[{\"ErrorEquals\":[\"States.TaskFailed\"],\"MaxAttempts\":1}],"
                + "\"Catch\":[{\"ErrorEquals\":[\"java.lang.IllegalArgumentException\"],\"ResultPath\":\"$.error\","
                + "\"Next\":\"Handled\"}],\"End\":true},"
                + "\"Handled\":{\"Type\":\"Pass\",\"End\":true}}}", "{\"in\":1}");
        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(cloud.invocations).hasSize(2);
        assertThat(run.output().get("in").asInt()).isEqualTo(1);
        assertThat(run.output().get("error").get("Error").asText()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(json(run.output().get("error").get("Cause").asText()).get("errorMessage").asText()).isEqualTo("no");
    }

    @Test
    void catchRoutesByErrorNameToTheFirstMatchingCatcher() {
        TestCloud cloud = cloudFailing(1, new IllegalArgumentException("bad input"));
        ExecutionRecord run = cloud.run("{\"StartAt\":\"T\",\"States\":{\"T\":{" + TASK + ",\"Catch\":["
                + "{\"ErrorEquals\":[\"java.lang.IllegalStateException\"],\"Next\":\"Wrong\"},"
                + "{\"ErrorEquals\":[\"java.lang.IllegalArgumentException\"],\"Next\":\"Right\"},"
                + "{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"Wrong\"}],\"End\":true},"
                + "\"Wrong\":{\"Type\":\"Fail\",\"Error\":\"Wrong\"},\"Right\":{\"Type\":\"Succeed\"}}}", "{}");
        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output()).isEqualTo(json("{\"Error\":\"java.lang.IllegalArgumentException\","
                + "\"Cause\":\"{\\\"errorMessage\\\":\\\"bad input\\\",\\\"errorType\\\":\\\"java.lang.IllegalArgumentException\\\"}\"}"));
    }

    @Test
    void statesRuntimeIsNeverCaughtByStatesAll() {
        TestCloud cloud = new TestCloud(work).function("flaky", payload -> payload);
        ExecutionRecord run = cloud.run("{\"StartAt\":\"T\",\"States\":{\"T\":{" + TASK
                + ",\"InputPath\":\"$.missing\",\"Retry\":[{\"ErrorEquals\":[\"States.ALL\"]}],"
                + "\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"Handled\"}],\"End\":true},"
                + "\"Handled\":{\"Type\":\"Succeed\"}}}", "{}");
        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.error()).isEqualTo("States.Runtime");
        assertThat(cloud.time.sleeps).isEmpty();
    }

    @Test
    void taskOverrunningTimeoutSecondsFailsWithStatesTimeoutWhichTaskFailedDoesNotCatch() {
        TestCloud cloud = new TestCloud(work);
        cloud.function("flaky", payload -> {
            cloud.time.advance(Duration.ofSeconds(30));
            return payload;
        });
        ExecutionRecord run = cloud.run("{\"StartAt\":\"T\",\"States\":{\"T\":{" + TASK + ",\"TimeoutSeconds\":10,"
                + "\"Catch\":[{\"ErrorEquals\":[\"States.TaskFailed\"],\"Next\":\"Wrong\"},"
                + "{\"ErrorEquals\":[\"States.Timeout\"],\"Next\":\"TimedOut\"}],\"End\":true},"
                + "\"Wrong\":{\"Type\":\"Fail\"},\"TimedOut\":{\"Type\":\"Pass\",\"End\":true}}}", "{}");
        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output().get("Error").asText()).isEqualTo("States.Timeout");
        assertThat(run.events()).extracting(HistoryEvent::type).contains("LambdaFunctionTimedOut");
    }

    @Test
    void fullJitterWaitsAtMostTheComputedInterval() {
        TestCloud cloud = cloudFailing(2, new IllegalStateException("x"));
        cloud.run("{\"StartAt\":\"T\",\"States\":{\"T\":{" + TASK + ",\"Retry\":[{\"ErrorEquals\":[\"States.ALL\"],"
                + "\"IntervalSeconds\":4,\"JitterStrategy\":\"FULL\"}],\"End\":true}}}", "{}");
        assertThat(cloud.time.sleeps).hasSize(2);
        assertThat(cloud.time.sleeps.get(0)).isLessThanOrEqualTo(Duration.ofSeconds(4));
        assertThat(cloud.time.sleeps.get(1)).isLessThanOrEqualTo(Duration.ofSeconds(8));
        assertThat(cloud.time.sleeps).doesNotContain(Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void failStateTakesErrorAndCauseFromPathsAndEndsTheExecution() {
        ExecutionRecord run = new TestCloud(work).run("""
                {"StartAt":"F","States":{"F":{"Type":"Fail","ErrorPath":"$.code",
                 "CausePath":"States.Format('job {} failed', $.job)"}}}""", "{\"code\":\"JobFailed\",\"job\":\"j1\"}");
        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.error()).isEqualTo("JobFailed");
        assertThat(run.cause()).isEqualTo("job j1 failed");
    }
}
