package io.contextualtargeting.local.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.workflow.ResourcePendingException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressPrinterTest {
    @TempDir
    Path work;

    @Test
    void printsStartStatesFailuresAndEnd() {
        TestCloud cloud = new TestCloud(work).function("f", payload -> {
            throw new IllegalStateException("boom");
        });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateMachine machine = new StateMachine("import", StateMachine.arnOf("import"), AslParser.parse("import", """
                {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},
                 "B":{"Type":"Task","Resource":"arn:aws:lambda:local:000000000000:function:f","End":true}}}"""), "r");
        new LocalStepFunctions(List.of(machine), cloud.services(), cloud.store(), cloud.environment(),
                new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), cloud.time))
                .startExecution("import", "run-12345678-xyz", TestCloud.json("{}"));
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "[import run-1234] started",
                "[import run-1234]   A",
                "[import run-1234]   B",
                "[import run-1234]   B failed: java.lang.IllegalStateException",
                "[import run-1234] FAILED (0 ms) java.lang.IllegalStateException: boom");
    }

    @Test
    void pollingIsOneWaitingLinePerStateAndAFailurePrintsItsWholeCause() {
        AtomicInteger calls = new AtomicInteger();
        String cause = "data.csv, line 7, field TIMESTAMP: " + "x".repeat(600);
        TestCloud cloud = new TestCloud(work).function("f", payload -> {
            if (calls.incrementAndGet() <= 3) {
                throw new ResourcePendingException("solution s is still CREATE PENDING");
            }
            throw new IllegalArgumentException(cause);
        });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateMachine machine = new StateMachine("train", StateMachine.arnOf("train"), AslParser.parse("train", """
                {"StartAt":"Poll","States":{"Poll":{"Type":"Task","Resource":"arn:aws:lambda:local:000000000000:function:f",
                 "Retry":[{"ErrorEquals":["io.contextualtargeting.workflow.ResourcePendingException"],"IntervalSeconds":1,
                   "MaxAttempts":5}],"End":true}}}"""), "r");
        new LocalStepFunctions(List.of(machine), cloud.services(), cloud.store(), cloud.environment(),
                new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), cloud.time))
                .startExecution("train", "run-12345678-xyz", TestCloud.json("{}"));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "[train run-1234] started",
                "[train run-1234]   Poll",
                "[train run-1234]   Poll waiting: solution s is still CREATE PENDING",
                "[train run-1234]   Poll failed: java.lang.IllegalArgumentException",
                "[train run-1234] FAILED (7000 ms) java.lang.IllegalArgumentException: " + cause);
    }
}
