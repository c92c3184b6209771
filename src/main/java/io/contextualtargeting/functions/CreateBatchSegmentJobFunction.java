package io.contextualtargeting.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.contextualtargeting.workflow.training.TrainingPlan.BatchSegmentJobPlan;
import io.contextualtargeting.workflow.training.TrainingSteps;
import io.contextualtargeting.workflow.training.TrainingSteps.CreateBatchSegmentJobRequest;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Training task CreateBatchSegmentJob. */
@Named("create-batch-segment-job")
public class CreateBatchSegmentJobFunction implements RequestHandler<CreateBatchSegmentJobRequest, BatchSegmentJobPlan> {
    private final TrainingSteps steps;

    @Inject
    public CreateBatchSegmentJobFunction(TrainingSteps steps) {
        this.steps = steps;
    }

    @Override
    public BatchSegmentJobPlan handleRequest(CreateBatchSegmentJobRequest input, Context context) {
        return steps.createBatchSegmentJob(input);
    }
}
