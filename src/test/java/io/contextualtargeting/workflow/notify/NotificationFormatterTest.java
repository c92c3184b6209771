package io.contextualtargeting.workflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.formats.Json;
import io.contextualtargeting.ports.SolutionSettings;
import io.contextualtargeting.workflow.cleanup.CleanupReport;
import io.contextualtargeting.workflow.segments.SegmentReport;
import io.contextualtargeting.workflow.segments.SegmentsSummary;
import io.contextualtargeting.workflow.training.TrainingPlan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationFormatterTest {
    private final NotificationFormatter formatter = new NotificationFormatter(arn -> "link:" + arn);

    private static JsonNode json(Object value) {
        return Json.mapper().valueToTree(value);
    }

    @Test
    void trainingEmailShowsMetricsAndOutputs() {
        TrainingPlan plan = new TrainingPlan("20261128101500", "s3://b/train/bw/c.json",
                new TrainingPlan.DatasetGroupPlan("bingewatch", null, "arn:dg"), List.of(),
                List.of(new TrainingPlan.SolutionPlan("bw-affinity", "arn:aws:personalize:::recipe/aws-item-affinity", SolutionSettings.none(),
                        "bw-affinity-1", List.of(new TrainingPlan.BatchSegmentJobPlan("job-1", "s3://b/in", "s3://b/out/", 50, null, "arn:job")),
                        "arn:sol", "arn:sv", Map.of("recall_at_1_percent", 0.1234))));

        Notification email = formatter.format(new NotificationRequest("training", "SUCCEEDED", "arn:exec", json(plan), null));

        assertThat(email.subject()).isEqualTo("contextual-targeting: training complete for dataset group bingewatch");
        assertThat(email.body()).contains("Solution bw-affinity (aws-item-affinity)", "recall_at_1_percent=0.1234",
                "batch segment job job-1: 50 users per query, output s3://b/out/", "Execution: link:arn:exec");
    }

    @Test
    void failureEmailCarriesTheReadableErrorWithoutEmailAddresses() {
        ErrorInfo error = new ErrorInfo("io.contextualtargeting.workflow.training.InvalidTrainingConfigException",
                "{\"errorMessage\":\"c.json, line 3, field datasetGroup: owner ops@example.com\",\"errorType\":\"x\"}");
        JsonNode event = json(Map.of("detail", Map.of("bucket", Map.of("name", "b"))));

        Notification email = formatter.format(new NotificationRequest("training", "FAILED", "arn:exec", event, error));

        assertThat(email.subject()).isEqualTo("contextual-targeting: training failed for the uploaded config");
        assertThat(email.body()).contains("c.json, line 3, field datasetGroup: owner <e-mail address>").doesNotContain("ops@");
    }

    @Test
    void postProcessingEmailAccountsForEverySegment() {
        SegmentsSummary summary = SegmentsSummary.of("arn:job", "job-1", List.of(
                new SegmentReport("ITEMSgenresAction_20261128-101500", "ITEMS.genres = \"Action\"", "s3://imp/pinpoint/a.csv", "Id",
                        10, 7, 9, 2, 1, null),
                new SegmentReport("item_9_20261128-101500", "9", null, "Id", 0, 0, 0, 0, 0, "unknown item 9")));

        Notification email = formatter.format(new NotificationRequest("segment-postprocessing", "FAILED", "arn:exec", json(summary), null));

        assertThat(email.subject()).isEqualTo("contextual-targeting: 1 of 2 segments failed for job-1");
        assertThat(email.body()).contains("2 queries, 1 segment files written, 1 failed",
                "users 10, written 7, without endpoint 2, opted out 1, endpoints 9", "FAILED: unknown item 9");
    }

    @Test
    void cleanupEmailListsWhatWasDeletedAndTheSchemasKept() {
        CleanupReport report = new CleanupReport("bw", "arn:dg", List.of("arn:solution", "arn:dataset", "arn:dg"),
                List.of("arn:shared-schema"));

        Notification email = formatter.format(new NotificationRequest("cleanup", "SUCCEEDED", "arn:exec", json(report), null));

        assertThat(email.subject()).isEqualTo("contextual-targeting: Personalize resources of dataset group bw deleted");
        assertThat(email.body()).contains("Deleted 3 Amazon Personalize resources of dataset group bw", "  - arn:solution",
                "Kept, because datasets of other dataset groups use them:\n  - arn:shared-schema", "Data in S3 is kept");
    }

    @Test
    void cleanupOfAnUnknownDatasetGroupSaysNothingWasDeleted() {
        CleanupReport report = new CleanupReport("typo", null, List.of(), List.of());

        Notification email = formatter.format(new NotificationRequest("cleanup", "SUCCEEDED", "arn:exec", json(report), null));

        assertThat(email.subject()).isEqualTo("contextual-targeting: nothing to clean up for dataset group typo");
        assertThat(email.body()).contains("No Amazon Personalize dataset group is named typo: nothing was deleted.");
    }

    @Test
    void cleanupThatStoppedWaitingSaysSoAndNamesTheDatasetGroup() {
        ErrorInfo error = new ErrorInfo("io.contextualtargeting.workflow.ResourcePendingException",
                "{\"errorMessage\":\"clean-up of dataset group bw waits for 1 deletion: dataset arn:ds is ACTIVE\"}");
        JsonNode state = json(Map.of("datasetGroup", "bw", "resources", Map.of("name", "bw")));

        Notification email = formatter.format(new NotificationRequest("cleanup", "FAILED", "arn:exec", state, error));

        assertThat(email.subject()).isEqualTo("contextual-targeting: clean-up failed for dataset group bw");
        assertThat(email.body()).contains("a deletion did not finish in time", "dataset arn:ds is ACTIVE",
                "start the clean-up again: it goes on with what remains");
    }
}
