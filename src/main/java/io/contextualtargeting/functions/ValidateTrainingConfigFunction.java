package io.contextualtargeting.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.contextualtargeting.workflow.training.TrainingConfigUploaded;
import io.contextualtargeting.workflow.training.TrainingPlan;
import io.contextualtargeting.workflow.training.ValidateTrainingConfig;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Training task ValidateTrainingConfig. */
@Named("validate-training-config")
public class ValidateTrainingConfigFunction implements RequestHandler<TrainingConfigUploaded, TrainingPlan> {
    private final ValidateTrainingConfig step;

    @Inject
    public ValidateTrainingConfigFunction(ValidateTrainingConfig step) {
        this.step = step;
    }

    @Override
    public TrainingPlan handleRequest(TrainingConfigUploaded uploaded, Context context) {
        return step.run(uploaded);
    }
}
