package io.contextualtargeting.local.statemachine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
                "[import run-1234] FAILED (0 ms) java.lang.IllegalStateException: "
                        + "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}");
    }
}
