package io.contextualtargeting.local.statemachine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class WaitAndTimeoutTest {
    @TempDir
    Path work;

    @Test
    void waitStatesSleepTheRequestedDurationsThroughTheSleeper() {
        TestCloud cloud = new TestCloud(work);
        ExecutionRecord run = cloud.run("""
                {"StartAt":"A","States":{
                 "A":{"Type":"Wait","Seconds":5,"Next":"B"},
                 "B":{"Type":"Wait","SecondsPath":"$.delay","Next":"C"},
                 "C":{"Type":"Wait","Timestamp":"2026-03-01T10:01:00Z","Next":"D"},
                 "D":{"Type":"Wait","TimestampPath":"$.until","Next":"E"},
                 "E":{"Type":"Wait","Timestamp":"2020-01-01T00:00:00Z","End":true}}}""",
                "{\"delay\":7,\"until\":\"2026-03-01T10:02:00Z\"}");
        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(cloud.time.sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(7),
                Duration.ofSeconds(48), Duration.ofSeconds(60), Duration.ZERO);
        assertThat(run.events()).filteredOn(e -> e.type().equals("WaitStarted"))
                .extracting(e -> e.details().get("seconds").asDouble()).containsExactly(5.0, 7.0, 48.0, 60.0, 0.0);
    }

    @Test
    void negativeSecondsPathFailsWithStatesRuntime() {
        ExecutionRecord run = new TestCloud(work).run("""
                {"StartAt":"A","States":{"A":{"Type":"Wait","SecondsPath":"$.d","End":true}}}""", "{\"d\":-1}");
        assertThat(run.error()).isEqualTo("States.Runtime");
    }

    @Test
    void executionRunningPastTimeoutSecondsTimesOut() {
        TestCloud cloud = new TestCloud(work);
        ExecutionRecord run = cloud.run("""
                {"TimeoutSeconds":60,"StartAt":"A","States":{
                 "A":{"Type":"Wait","Seconds":45,"Next":"B"},
                 "B":{"Type":"Wait","Seconds":45,"Next":"C"},
                 "C":{"Type":"Succeed"}}}""", "{}");
        assertThat(run.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(run.error()).isEqualTo("States.Timeout");
        assertThat(run.events()).extracting(HistoryEvent::type).doesNotContain("SucceedStateEntered");
    }

    @Test
    void systemEnvironmentWithScaleZeroSkipsWaitsButKeepsTheRequestedDuration() {
        StateMachine machine = new StateMachine("m", StateMachine.arnOf("m"), AslParser.parse("m", """
                {"StartAt":"A","States":{"A":{"Type":"Wait","Seconds":3600,"End":true}}}"""), "role");
        LocalStepFunctions service = new LocalStepFunctions(java.util.List.of(machine), new TestCloud(work).services(),
                new ExecutionStore(work), ExecutionEnvironment.system(0), ExecutionListener.NONE);
        ExecutionRecord run = service.startExecution("m", null, TestCloud.json("{}"));
        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.duration(run.stopDate())).isLessThan(Duration.ofMinutes(1));
        assertThat(run.events()).filteredOn(e -> e.type().equals("WaitStarted"))
                .extracting(e -> e.details().get("seconds").asDouble()).containsExactly(3600.0);
    }
}
