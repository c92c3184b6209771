package io.contextualtargeting.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.local.statemachine.ExecutionRecord;
import io.contextualtargeting.local.statemachine.LocalStepFunctions;
import io.contextualtargeting.local.statemachine.TestCloud;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.contextualtargeting.local.statemachine.TestCloud.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The executions and execution commands read what earlier runs left in the work folder. */
class ExecutionCommandsTest {
    @TempDir
    Path work;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void runTwoExecutions() {
        AtomicInteger calls = new AtomicInteger();
        TestCloud cloud = new TestCloud(work).function("segment", payload -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("transient");
            }
            return json("{\"users\":\"" + "u".repeat(1000) + "\"}");
        });
        LocalStepFunctions service = cloud.service("post-processing", """
                {"StartAt":"Segment","States":{
                 "Segment":{"Type":"Task","Resource":"arn:aws:lambda:local:000000000000:function:segment",
                   "Retry":[{"ErrorEquals":["States.ALL"],"IntervalSeconds":5}],"Next":"Check"},
                 "Check":{"Type":"Choice","Choices":[{"Variable":"$.users","IsPresent":true,"Next":"Fail"}]},
                 "Fail":{"Type":"Fail","Error":"Segment.Empty","Cause":"no users"}}}""");
        service.startExecution("post-processing", "first-run", json("{\"job\":\"j1\"}"));
        service.startExecution("post-processing", "second-run", json("{\"job\":\"j2\"}"));
    }

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void executionsListsNameMachineStatusStartAndDuration() {
        assertThat(run("executions", "--work", work.toString())).isZero();
        List<String> lines = output().lines().toList();
        assertThat(lines.get(0)).contains("NAME", "STATE MACHINE", "STATUS", "START", "DURATION");
        assertThat(lines.get(1)).contains("first-run", "post-processing", "FAILED", "2026-03-01T10:00:00Z", "5.0 s");
        assertThat(lines.get(2)).contains("second-run", "FAILED");
    }

    @Test
    void executionsAsJsonIsOneParsableArray() {
        assertThat(run("executions", "--work", work.toString(), "--json")).isZero();
        JsonNode list = json(output());
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("status").asText()).isEqualTo("FAILED");
        assertThat(list.get(0).get("durationSeconds").asDouble()).isEqualTo(5.0);
    }

    @Test
    void executionShowsStatesInOrderWithRetriesErrorsAndShortenedValues() {
        assertThat(run("execution", "first", "--work", work.toString(), "--max-chars", "60")).isZero();
        String text = output();
        assertThat(text).doesNotContain("Output").contains("Status         FAILED", "Error          Segment.Empty", "Cause          no users");
        assertThat(text).containsSubsequence("enter Segment (Task)", "FAIL  Segment (LambdaFunctionFailed)",
                "java.lang.IllegalStateException", "retry Segment #1 in 5.0 s", "exit  Segment",
                "enter Check (Choice)", "enter Fail (Fail)", "FAIL  execution (ExecutionFailed)  Segment.Empty");
        assertThat(text).contains("... (1012 characters)").doesNotContain("u".repeat(100));
    }

    @Test
    void executionAsJsonIsTheWholeRecord() throws Exception {
        assertThat(run("execution", "second-run", "--work", work.toString(), "--json")).isZero();
        ExecutionRecord record = io.contextualtargeting.local.statemachine.Json.MAPPER.readValue(output(),
                ExecutionRecord.class);
        assertThat(record.name()).isEqualTo("second-run");
        assertThat(record.events()).isNotEmpty();
    }

    @Test
    void unknownOrAmbiguousIdIsAClearErrorWithExitCode1() {
        assertThat(run("execution", "nope", "--work", work.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no execution 'nope'");
        err.reset();
        assertThat(run("execution", "s", "--work", work.toString())).isZero();
        assertThat(run("execution", "", "--work", work.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("matches 2 executions");
    }

    @Test
    void emptyWorkFolderSaysSo() {
        assertThat(run("executions", "--work", work.resolve("empty").toString())).isZero();
        assertThat(output()).startsWith("no executions in");
    }
}
