package io.contextualtargeting.local.statemachine;

import static io.contextualtargeting.local.statemachine.TestCloud.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.local.store.WorkFolderLock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutionStoreTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path work;

    private static ExecutionRecord running(String name) {
        HistoryEvent started = new HistoryEvent(1, START, "ExecutionStarted", null, json("{\"input\":{}}"));
        return new ExecutionRecord("arn:aws:states:local:000000000000:execution:m:" + name, name,
                "arn:aws:states:local:000000000000:stateMachine:m", "m", ExecutionStatus.RUNNING, json("{}"), null,
                null, null, START, null, List.of(started));
    }

    @Test
    void anExecutionLeftRunningByAnEndedRunIsAbortedOnTheNextStart() {
        WorkFolderLock.acquire(work).close(); // a run used the folder, and ended without finishing its execution
        new ExecutionStore(work).save(running("interrupted"));

        List<ExecutionRecord> listed = new ExecutionStore(work).list();

        assertThat(listed).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(ExecutionStatus.ABORTED);
            assertThat(e.stopDate()).isAfter(START);
            assertThat(e.error()).isEqualTo("States.Aborted");
            assertThat(e.cause()).isEqualTo("the local run that owned it ended");
            assertThat(e.events()).extracting(HistoryEvent::type).containsExactly("ExecutionStarted", "ExecutionAborted");
        });
        assertThat(new ExecutionStore(work).find("interrupted")).get()
                .satisfies(e -> assertThat(e.status()).isEqualTo(ExecutionStatus.ABORTED));
    }

    @Test
    void anExecutionOfARunStillHoldingTheFolderStaysRunning() {
        try (WorkFolderLock run = WorkFolderLock.acquire(work)) {
            new ExecutionStore(work).save(running("live"));

            assertThat(new ExecutionStore(work).list()).singleElement()
                    .satisfies(e -> assertThat(e.status()).isEqualTo(ExecutionStatus.RUNNING));
        }
    }
}
