package io.contextualtargeting.workflow.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contextualtargeting.local.store.FolderObjectStore;
import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.ports.SegmentationService;
import io.contextualtargeting.workflow.ResourceFailedException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrepareSegmentsTest {
    @TempDir
    Path root;
    private final ObjectRef outputPrefix = new ObjectRef("personalize", "batch/bw/sol/batch_sol_2026/");
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T10:15:00Z"), ZoneOffset.UTC);

    /** Personalize at the edge: describes one job. */
    private SegmentationService describing(String status) {
        return (SegmentationService) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SegmentationService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("describeBatchSegmentJob")) {
                        throw new AssertionError("not called: " + method.getName());
                    }
                    return new SegmentationService.BatchSegmentJobDescription("arn:job", "job-1", status, "quota",
                            "arn:sv", new ObjectRef("personalize", "batch/bw/sol/job_config.json"), outputPrefix, 3);
                });
    }

    private FolderObjectStore store(Map<String, String> objects) {
        FolderObjectStore store = new FolderObjectStore(root, (ref, size, etag) -> { });
        objects.forEach((key, text) -> store.writeText(new ObjectRef("personalize", key), text));
        return store;
    }

    @Test
    void everyLineBecomesASegmentAndUsersGoToS3() {
        FolderObjectStore store = store(Map.of(outputPrefix.key() + "job_config.json.out", """
                {"input": {"itemAttributes": "ITEMS.genres = \\"Action\\""}, "output": {"usersList": ["12", "7"]}, "error": null}
                {"input": {"itemId": "105"}, "output": null, "error": "item '105' is not in the training data"}
                {"itemAttributes": "ITEMS.genres = \\"Action\\"", "output": {"recommendedUsers": ["3"]}}
                """));

        SegmentBatch batch = new PrepareSegments(store, describing("ACTIVE"), clock).run(new PrepareSegmentsRequest("arn:job"));

        assertThat(batch.jobName()).isEqualTo("job-1");
        assertThat(batch.segments()).extracting(SegmentFile::name).containsExactly(
                "ITEMSgenresAction_20261128-101500", "item_105_20261128-101500", "ITEMSgenresAction_20261128-101500-2");
        SegmentFile first = batch.segments().get(0);
        assertThat(first.query()).isEqualTo("ITEMS.genres = \"Action\"");
        assertThat(first.userCount()).isEqualTo(2);
        assertThat(store.readText(ObjectRef.parse(first.users()))).isEqualTo("12\n7\n");
        assertThat(first.users()).startsWith("s3://personalize/batch/bw/sol/batch_sol_2026/segments/0000-");
        assertThat(batch.segments().get(1).error()).contains("not in the training data");
        assertThat(batch.segments().get(1).users()).isNull();
        assertThat(store.readText(ObjectRef.parse(batch.segments().get(2).users()))).isEqualTo("3\n");
    }

    @Test
    void theSameJobPreparedLaterNamesItsSegmentsAlike() {
        FolderObjectStore store = store(Map.of(outputPrefix.key() + "job_config.json.out",
                "{\"input\": {\"itemId\": \"105\"}, \"output\": {\"usersList\": [\"12\"]}, \"error\": null}\n"));
        new PrepareSegments(store, describing("ACTIVE"), clock).run(new PrepareSegmentsRequest("arn:job"));
        Clock anHourLater = Clock.offset(clock, java.time.Duration.ofHours(1));

        SegmentBatch again = new PrepareSegments(store, describing("ACTIVE"), anHourLater).run(new PrepareSegmentsRequest("arn:job"));

        assertThat(again.segments()).extracting(SegmentFile::name).containsExactly("item_105_20261128-101500");
    }

    @Test
    void aJobWithoutOutputIsAnError() {
        assertThatThrownBy(() -> new PrepareSegments(store(Map.of()), describing("ACTIVE"), clock)
                .run(new PrepareSegmentsRequest("arn:job")))
                .hasMessageContaining("wrote no .out file");
    }

    @Test
    void aFailedJobIsNotPostProcessed() {
        assertThatThrownBy(() -> new PrepareSegments(store(Map.of()), describing("CREATE FAILED"), clock)
                .run(new PrepareSegmentsRequest("arn:job")))
                .isInstanceOf(ResourceFailedException.class).hasMessageContaining("CREATE FAILED: quota");
    }

    @Test
    void aMalformedOutputLineNamesItsLine() {
        FolderObjectStore store = store(Map.of(outputPrefix.key() + "q.json.out",
                "{\"input\": {\"itemId\": \"1\"}, \"output\": {\"usersList\": [\"1\"]}, \"error\": null}\n{\"input\": oops}\n"));

        assertThatThrownBy(() -> new PrepareSegments(store, describing("ACTIVE"), clock).run(new PrepareSegmentsRequest("arn:job")))
                .hasMessageContaining("q.json.out, line 2");
    }
}
