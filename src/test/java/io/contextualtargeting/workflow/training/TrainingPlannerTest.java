package io.contextualtargeting.workflow.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.ports.ObjectRef;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrainingPlannerTest {
    private final TrainingConfig config = new TrainingConfigParser()
            .parse("c.json", TrainingConfigParserTest.config("bingewatch", Recipes.ITEM_AFFINITY, "50"));
    private final ObjectRef configObject = new ObjectRef("personalize-bucket", "train/bingewatch/bingewatch_config.json");

    @Test
    void followsTheReferenceBucketLayout() {
        TrainingPlan plan = new TrainingPlanner().plan(config, configObject, Instant.parse("2026-11-28T10:15:00Z"));

        assertThat(plan.runId()).isEqualTo("20261128101500");
        assertThat(plan.datasets()).extracting(TrainingPlan.DatasetPlan::data).containsExactly(
                "s3://personalize-bucket/train/bingewatch/interactions.csv",
                "s3://personalize-bucket/train/bingewatch/items.csv");
        TrainingPlan.BatchSegmentJobPlan job = plan.solutions().get(0).batchSegmentJobs().get(0);
        assertThat(job.input()).isEqualTo("s3://personalize-bucket/batch/bingewatch/bw-solution/job_config.json");
        assertThat(job.outputPrefix()).isEqualTo("s3://personalize-bucket/batch/bingewatch/bw-solution/batch_bw-solution_2026_11_28_10_15_00/");
        assertThat(job.jobName()).isEqualTo("bw-solution-20261128101500");
        assertThat(plan.solutions().get(0).solutionVersionName()).isEqualTo("bw-solution-20261128101500");
    }

    @Test
    void importJobsAreNamedAfterTheDatasetGroupWhoseNamesAreUniquePerAccount() {
        TrainingPlan plan = new TrainingPlanner().plan(config, configObject, Instant.parse("2026-11-28T10:15:00Z"));

        assertThat(plan.datasets()).extracting(TrainingPlan.DatasetPlan::importJobName)
                .containsExactly("bingewatch-interactions-20261128101500", "bingewatch-items-20261128101500");
    }

    @Test
    void runNamesStayWithinPersonalizeLimit() {
        String name = TrainingPlanner.runName("s".repeat(63), "20261128101500");

        assertThat(name).hasSize(63).endsWith("-20261128101500");
    }
}
