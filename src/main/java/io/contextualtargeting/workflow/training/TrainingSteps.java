package io.contextualtargeting.workflow.training;

import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.ports.SegmentationService;
import io.contextualtargeting.ports.SegmentationService.BatchSegmentJobRequest;
import io.contextualtargeting.ports.SegmentationService.ResourceState;
import io.contextualtargeting.workflow.ResourceStates;
import io.contextualtargeting.workflow.training.TrainingPlan.BatchSegmentJobPlan;
import io.contextualtargeting.workflow.training.TrainingPlan.DatasetGroupPlan;
import io.contextualtargeting.workflow.training.TrainingPlan.SolutionPlan;

/**
 * The Personalize steps of the training workflow (ImportDataset: {@link DatasetImport}). Each is describe-or-create, so the state
 * machine polls a step by retrying it on ResourcePendingException until the resource is ACTIVE.
 */
public final class TrainingSteps {
    private final SegmentationService personalize;

    public TrainingSteps(SegmentationService personalize) {
        this.personalize = personalize;
    }

    public DatasetGroupPlan createDatasetGroup(DatasetGroupPlan group) {
        ResourceState state = personalize.ensureDatasetGroup(group.name(), group.domain());
        return group.withArn(ResourceStates.requireActive(state, "dataset group").arn());
    }

    public SolutionPlan createSolution(CreateSolutionRequest request) {
        SolutionPlan solution = request.solution();
        ResourceState state = personalize.ensureSolution(request.datasetGroupArn(), solution.name(),
                solution.recipeArn(), solution.settings());
        return solution.withArn(ResourceStates.requireActive(state, "solution").arn());
    }

    /** Trains (or finds) the run's solution version; pending while training, which takes long on AWS. */
    public SolutionPlan trainSolutionVersion(SolutionPlan solution) {
        ResourceState state = personalize.ensureSolutionVersion(solution.arn(), solution.solutionVersionName());
        String versionArn = ResourceStates.requireActive(state, "solution version").arn();
        return solution.withVersion(versionArn, personalize.solutionVersionMetrics(versionArn));
    }

    public BatchSegmentJobPlan createBatchSegmentJob(CreateBatchSegmentJobRequest request) {
        BatchSegmentJobPlan job = request.job();
        ResourceState state = personalize.ensureBatchSegmentJob(new BatchSegmentJobRequest(job.jobName(),
                request.solutionVersionArn(), ObjectRef.parse(job.input()), ObjectRef.parse(job.outputPrefix()),
                job.numResults(), job.filterArn()));
        return job.withArn(ResourceStates.requireActive(state, "batch segment job").arn());
    }

    public record CreateSolutionRequest(String datasetGroupArn, SolutionPlan solution) {
    }

    public record CreateBatchSegmentJobRequest(String solutionVersionArn, BatchSegmentJobPlan job) {
    }
}
