package io.contextualtargeting.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.contextualtargeting.workflow.training.TrainingPlan.SolutionPlan;
import io.contextualtargeting.workflow.training.TrainingSteps;
import io.contextualtargeting.workflow.training.TrainingSteps.CreateSolutionRequest;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Training task CreateSolution. */
@Named("create-solution")
public class CreateSolutionFunction implements RequestHandler<CreateSolutionRequest, SolutionPlan> {
    private final TrainingSteps steps;

    @Inject
    public CreateSolutionFunction(TrainingSteps steps) {
        this.steps = steps;
    }

    @Override
    public SolutionPlan handleRequest(CreateSolutionRequest input, Context context) {
        return steps.createSolution(input);
    }
}
