package io.contextualtargeting.workflow.training;

import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.ports.SegmentationService.DatasetType;
import io.contextualtargeting.workflow.training.TrainingConfig.BatchSegmentJobConfig;
import io.contextualtargeting.workflow.training.TrainingConfig.DatasetConfig;
import io.contextualtargeting.workflow.training.TrainingConfig.SolutionConfig;
import io.contextualtargeting.workflow.training.TrainingPlan.BatchSegmentJobPlan;
import io.contextualtargeting.workflow.training.TrainingPlan.DatasetGroupPlan;
import io.contextualtargeting.workflow.training.TrainingPlan.DatasetPlan;
import io.contextualtargeting.workflow.training.TrainingPlan.SolutionPlan;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a validated config into a plan, following the bucket layout of the reference solution:
 * <pre>
 * train/&lt;group&gt;/&lt;any&gt;.json                 the config; interactions.csv, items.csv, users.csv beside it
 * batch/&lt;group&gt;/&lt;solution&gt;/job_config.json   the batch segment job's queries
 * batch/&lt;group&gt;/&lt;solution&gt;/batch_&lt;solution&gt;_&lt;yyyy_MM_dd_HH_mm_ss&gt;/   its output
 * </pre>
 * Names of import jobs, solution versions and batch segment jobs carry the run id (the upload
 * time), so re-running the same upload finds the same resources and a new upload trains anew.
 */
public final class TrainingPlanner {
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter OUTPUT_STAMP = DateTimeFormatter.ofPattern("yyyy_MM_dd_HH_mm_ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    static final String JOB_INPUT_FILE = "job_config.json";
    /** Where training configs (and their data) are uploaded; the batch segment job folders are under batch/. */
    public static final String CONFIG_PREFIX = "train/";
    public static final String BATCH_PREFIX = "batch/";
    private static final int MAX_NAME = 63;

    public TrainingPlan plan(TrainingConfig config, ObjectRef configObject, Instant uploadTime) {
        String runId = RUN_ID.format(uploadTime);
        List<DatasetPlan> datasets = new ArrayList<>();
        config.datasets().forEach((type, dataset) -> datasets.add(datasetPlan(config.datasetGroupName(), type, dataset,
                configObject, runId)));
        List<SolutionPlan> solutions = new ArrayList<>();
        for (SolutionConfig solution : config.solutions()) {
            solutions.add(solutionPlan(config.datasetGroupName(), solution, configObject.bucket(), runId, uploadTime));
        }
        return new TrainingPlan(runId, configObject.url(),
                new DatasetGroupPlan(config.datasetGroupName(), config.domain(), null), datasets, solutions);
    }

    /**
     * Import job names are unique per account, dataset names only per dataset group: the job is
     * named after the group and the dataset type, so two groups whose datasets share a name can be
     * trained in the same second.
     */
    private static DatasetPlan datasetPlan(String group, DatasetType type, DatasetConfig dataset, ObjectRef configObject,
                                           String runId) {
        ObjectRef data = configObject.sibling(dataFileName(type));
        return new DatasetPlan(type.name(), dataset.name(), dataset.schemaName(), dataset.schema(), data.url(),
                runName(group + "-" + type.name().toLowerCase(Locale.ROOT), runId), null, null);
    }

    /** The CSV file a dataset is imported from, beside the config: interactions.csv, items.csv, users.csv. */
    static String dataFileName(DatasetType type) {
        return type.name().toLowerCase(Locale.ROOT) + ".csv";
    }

    private static SolutionPlan solutionPlan(String group, SolutionConfig solution, String bucket, String runId, Instant uploadTime) {
        String folder = BATCH_PREFIX + group + "/" + solution.name() + "/";
        List<BatchSegmentJobPlan> jobs = new ArrayList<>();
        List<BatchSegmentJobConfig> configs = solution.batchSegmentJobs();
        for (int j = 0; j < configs.size(); j++) {
            String suffix = configs.size() == 1 ? "" : "_" + (j + 1);
            String output = folder + "batch_" + solution.name() + "_" + OUTPUT_STAMP.format(uploadTime) + suffix + "/";
            jobs.add(new BatchSegmentJobPlan(runName(solution.name(), runId + suffix.replace('_', '-')),
                    new ObjectRef(bucket, folder + JOB_INPUT_FILE).url(), new ObjectRef(bucket, output).url(),
                    configs.get(j).numResults(), configs.get(j).filterArn(), null));
        }
        return new SolutionPlan(solution.name(), solution.recipeArn(), solution.settings(),
                runName(solution.name(), runId), jobs, null, null, null);
    }

    /** {@code <name>-<run id>}, shortening the name so the result stays within Personalize's 63 characters. */
    static String runName(String name, String runId) {
        int room = MAX_NAME - runId.length() - 1;
        return (name.length() > room ? name.substring(0, room) : name) + "-" + runId;
    }
}
