package io.contextualtargeting.local.statemachine;

import io.contextualtargeting.formats.InputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.contextualtargeting.local.statemachine.TestCloud.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalStepFunctionsTest {
    private static final String TWO_STATES = """
            {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","End":true}}}""";

    @TempDir
    Path work;

    @Test
    void executionIsPersistedAndReadBackWithItsHistory() {
        TestCloud cloud = new TestCloud(work);
        ExecutionRecord run = cloud.service("m", TWO_STATES).startExecution("m", "first", json("{\"x\":1}"));
        ExecutionRecord stored = cloud.store().find("first").orElseThrow();
        assertThat(stored).isEqualTo(run);
        assertThat(stored.executionArn()).isEqualTo("arn:aws:states:local:000000000000:execution:m:first");
        assertThat(stored.events()).extracting(HistoryEvent::type).containsExactly("ExecutionStarted",
                "PassStateEntered", "PassStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
    }

    @Test
    void generatedNamesAreUniqueEvenWithinOneSecond() {
        TestCloud cloud = new TestCloud(work);
        LocalStepFunctions service = cloud.service("m", TWO_STATES);
        ExecutionRecord first = service.startExecution("m", null, json("{}"));
        ExecutionRecord second = service.startExecution(StateMachine.arnOf("m"), null, json("{}"));
        assertThat(first.startDate()).isEqualTo(second.startDate());
        assertThat(first.name()).isNotEqualTo(second.name());
        assertThat(cloud.store().list()).hasSize(2);
    }

    @Test
    void reusingAnExecutionNameIsRejected() {
        LocalStepFunctions service = new TestCloud(work).service("m", TWO_STATES);
        service.startExecution("m", "same", json("{}"));
        assertThatThrownBy(() -> service.startExecution("m", "same", json("{}")))
                .isInstanceOf(InputException.class).hasMessageContaining("ExecutionAlreadyExists");
    }

    @Test
    void inputOverTheLimitIsRejectedAtStart() {
        LocalStepFunctions service = new TestCloud(work).service("m", TWO_STATES);
        assertThatThrownBy(() -> service.startExecution("m", null, json("\"" + "y".repeat(262_200) + "\"")))
                .isInstanceOf(InputException.class).hasMessageContaining("at most 262144");
    }

    @Test
    void listenerSeesEveryStateInOrder() {
        TestCloud cloud = new TestCloud(work);
        cloud.service("m", TWO_STATES).startExecution("m", null, json("{}"));
        assertThat(cloud.progress).containsExactly("enter A", "exit A", "enter B", "exit B", "end SUCCEEDED");
    }

    @Test
    void prefixFindsAnExecutionAndAmbiguousPrefixIsAnError() {
        TestCloud cloud = new TestCloud(work);
        LocalStepFunctions service = cloud.service("m", TWO_STATES);
        service.startExecution("m", "run-a", json("{}"));
        service.startExecution("m", "run-b", json("{}"));
        assertThat(cloud.store().find("run-b")).map(ExecutionRecord::name).hasValue("run-b");
        assertThatThrownBy(() -> cloud.store().find("run-")).hasMessageContaining("matches 2 executions");
        assertThat(cloud.store().find("zzz")).isEmpty();
    }

    @Test
    void faultOutsideStepFunctionsErrorsIsRecordedAsAFailedExecution() {
        TestCloud cloud = new TestCloud(work);
        StateMachine machine = new StateMachine("m", StateMachine.arnOf("m"), AslParser.parse("m", TWO_STATES), "r");
        ExecutionListener faulty = new ExecutionListener() {
            @Override
            public void stateEntered(String executionArn, String stateName, com.fasterxml.jackson.databind.JsonNode input) {
                throw new IllegalStateException("listener broke");
            }
        };
        ExecutionRecord run = new LocalStepFunctions(java.util.List.of(machine), cloud.services(), cloud.store(),
                cloud.environment(), faulty).startExecution("m", "faulty", json("{}"));
        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.error()).isEqualTo("States.Runtime");
        assertThat(run.cause()).contains("listener broke");
        assertThat(cloud.store().find("faulty")).map(ExecutionRecord::status).hasValue(ExecutionStatus.FAILED);
    }
}
