package io.contextualtargeting.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.contextualtargeting.workflow.training.TrainingPlan.SolutionPlan;
import io.contextualtargeting.workflow.training.TrainingSteps;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Training task TrainSolutionVersion. */
@Named("train-solution-version")
public class TrainSolutionVersionFunction implements RequestHandler<SolutionPlan, SolutionPlan> {
    private final TrainingSteps steps;

    @Inject
    public TrainSolutionVersionFunction(TrainingSteps steps) {
        this.steps = steps;
    }

    @Override
    public SolutionPlan handleRequest(SolutionPlan input, Context context) {
        return steps.trainSolutionVersion(input);
    }
}
