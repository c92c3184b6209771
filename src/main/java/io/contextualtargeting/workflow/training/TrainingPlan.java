package io.contextualtargeting.workflow.training;

import io.contextualtargeting.ports.SolutionSettings;
import java.util.List;
import java.util.Map;

/**
 * What the training workflow will create, derived from a validated training config. It travels
 * through the state machine; each step fills in the ARN of what it created, so the execution
 * output (and the console) shows every resource.
 */
public record TrainingPlan(String runId, String config, DatasetGroupPlan datasetGroup,
                           List<DatasetPlan> datasets, List<SolutionPlan> solutions) {

    public record DatasetGroupPlan(String name, String domain, String arn) {
        public DatasetGroupPlan withArn(String newArn) {
            return new DatasetGroupPlan(name, domain, newArn);
        }
    }

    /** One dataset: its schema, the CSV to import and the import job that does it. */
    public record DatasetPlan(String type, String name, String schemaName, String schema, String data,
                              String importJobName, String arn, String importJobArn) {
        public DatasetPlan withArns(String datasetArn, String jobArn) {
            return new DatasetPlan(type, name, schemaName, schema, data, importJobName, datasetArn, jobArn);
        }
    }

    public record SolutionPlan(String name, String recipeArn, SolutionSettings settings,
                               String solutionVersionName, List<BatchSegmentJobPlan> batchSegmentJobs,
                               String arn, String solutionVersionArn, Map<String, Double> metrics) {
        /** A state written before solutions had settings has none: Personalize's and the engine's defaults. */
        public SolutionPlan {
            settings = settings == null ? SolutionSettings.none() : settings;
        }

        public SolutionPlan withArn(String solutionArn) {
            return new SolutionPlan(name, recipeArn, settings, solutionVersionName, batchSegmentJobs,
                    solutionArn, solutionVersionArn, metrics);
        }

        public SolutionPlan withVersion(String versionArn, Map<String, Double> versionMetrics) {
            return new SolutionPlan(name, recipeArn, settings, solutionVersionName, batchSegmentJobs,
                    arn, versionArn, versionMetrics);
        }
    }

    /** One batch segment job: its query file, where Personalize writes the output, and how many users per query. */
    public record BatchSegmentJobPlan(String jobName, String input, String outputPrefix, int numResults,
                                      String filterArn, String arn) {
        public BatchSegmentJobPlan withArn(String jobArn) {
            return new BatchSegmentJobPlan(jobName, input, outputPrefix, numResults, filterArn, jobArn);
        }
    }
}
