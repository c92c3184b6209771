package io.contextualtargeting.local;

import static io.contextualtargeting.local.PipelineRun.IMPORT;
import static io.contextualtargeting.local.PipelineRun.TRAINING;
import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.engine.generate.DatasetLayout;
import io.contextualtargeting.local.events.S3Events;
import io.contextualtargeting.local.statemachine.ExecutionRecord;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys and names that would lead outside the local store's folder, through the public entry
 * points (an uploaded config, an S3 event on the bus): each is refused with an error naming it, and
 * the file it points at (a canary beside the store) is never read.
 */
class HostileKeysTest {
    private static final String CANARY = "canary4711";
    private static final String READ_FROM_OUTSIDE = "readfromoutside";

    @RegisterExtension
    static final TinyDataset DATASET = new TinyDataset();
    @TempDir
    Path dir;

    @Test
    void aConfigNamingPathsOutsideTheBucketIsRefusedBeforeAnythingIsRead() {
        PipelineFixture fixture = DATASET.copyTo(dir);
        PipelineFixture.write(fixture.config(), PipelineFixture.read(fixture.config())
                .replace("\"name\" : \"bingewatch\"", "\"name\" : \"../../../" + CANARY + "\"")
                .replace("\"bingewatch-item-affinity\"", "\"../../etc/passwd\""));

        PipelineRun run = fixture.run();

        ExecutionRecord training = run.execution(TRAINING);
        assertThat(training.status().name()).isEqualTo("FAILED");
        assertThat(run.shown(training)).contains("field datasetGroup.serviceConfig.name: '../../../" + CANARY + "' is not a valid name")
                .contains("field solutions[1].serviceConfig.name: '../../etc/passwd' is not a valid name");
        assertThat(run.cloud().personalize().resources()).isEmpty();
        assertThat(dir.getParent().resolve(CANARY)).doesNotExist();
    }

    @Test
    void uploadEventsWhoseKeysLeaveTheBucketAreRefusedAndReadNothing() {
        PipelineRun run = DATASET.copyTo(dir).run();
        LocalCloud cloud = run.cloud();
        String personalize = cloud.bucket("PersonalizeBucket");
        String imports = cloud.bucket("SegmentImportBucket");
        // Where the store would find "<bucket>/train/../../../canary.json": beside its own folder. Their
        // content carries a marker that shows wherever they are read.
        String config = PipelineFixture.read(new DatasetLayout(DATASET.base(), PipelineFixture.SETTINGS.name()).trainingConfig());
        PipelineFixture.write(run.work().resolve(CANARY + ".json"), config.replace("bingewatch", READ_FROM_OUTSIDE));
        PipelineFixture.write(run.work().resolve(CANARY + ".csv"), "User.UserId,ChannelType,Address\n" + READ_FROM_OUTSIDE
                + ",EMAIL,x@example.com\n");
        int trainings = run.executions(TRAINING).size();
        int importsBefore = run.executions(IMPORT).size();

        for (String key : List.of("train/../../../" + CANARY + ".json", "train/%2E%2E/%2E%2E/%2E%2E/" + CANARY + ".json")) {
            cloud.events().putEvents(List.of(S3Events.objectCreated(personalize, key, 10, "etag", "01", "REQ", "000000000000")));
        }
        cloud.events().putEvents(List.of(S3Events.objectCreated(imports, "pinpoint/../../" + CANARY + ".csv", 10, "etag", "02",
                "REQ", "000000000000")));
        cloud.drain();

        List<ExecutionRecord> hostile = run.executions(TRAINING).subList(trainings, trainings + 2);
        assertThat(hostile).allSatisfy(e -> assertThat(e.status().name()).isEqualTo("FAILED"));
        assertThat(run.shown(hostile.get(0))).contains("train/../../../" + CANARY + ".json: the key has a '.' or '..' segment");
        assertThat(run.shown(hostile.get(1))).contains("no object at s3://" + personalize + "/train/%2E%2E/%2E%2E/%2E%2E/");
        ExecutionRecord hostileImport = run.executions(IMPORT).get(importsBefore);
        assertThat(hostileImport.status().name()).isEqualTo("FAILED");
        assertThat(run.shown(hostileImport)).contains("pinpoint/../../" + CANARY + ".csv: the key has a '.' or '..' segment");
        assertThat(run.cloud().pinpoint().segmentSizes()).doesNotContainKey(CANARY + ".csv");
        assertThat(run.cloud().pinpoint().userEndpoints(READ_FROM_OUTSIDE)).isEmpty();
        assertThat(run.cloud().personalize().resources().keySet()).noneMatch(arn -> arn.contains(READ_FROM_OUTSIDE));
        assertThat(run.writtenFiles()).filteredOn(f -> !f.getFileName().toString().startsWith(CANARY))
                .noneMatch(f -> PipelineFixture.read(f).contains(READ_FROM_OUTSIDE));
        assertThat(run.consoleText()).doesNotContain(READ_FROM_OUTSIDE);
    }
}
