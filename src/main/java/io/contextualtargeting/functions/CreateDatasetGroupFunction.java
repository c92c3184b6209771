package io.contextualtargeting.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.contextualtargeting.workflow.training.TrainingPlan.DatasetGroupPlan;
import io.contextualtargeting.workflow.training.TrainingSteps;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Training task CreateDatasetGroup. */
@Named("create-dataset-group")
public class CreateDatasetGroupFunction implements RequestHandler<DatasetGroupPlan, DatasetGroupPlan> {
    private final TrainingSteps steps;

    @Inject
    public CreateDatasetGroupFunction(TrainingSteps steps) {
        this.steps = steps;
    }

    @Override
    public DatasetGroupPlan handleRequest(DatasetGroupPlan group, Context context) {
        return steps.createDatasetGroup(group);
    }
}
