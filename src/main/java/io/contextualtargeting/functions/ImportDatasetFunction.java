package io.contextualtargeting.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.contextualtargeting.workflow.training.TrainingPlan.DatasetPlan;
import io.contextualtargeting.workflow.training.DatasetImport;
import io.contextualtargeting.workflow.training.DatasetImport.ImportDatasetRequest;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Training task ImportDataset (one iteration of the ImportDatasets Map). */
@Named("import-dataset")
public class ImportDatasetFunction implements RequestHandler<ImportDatasetRequest, DatasetPlan> {
    private final DatasetImport steps;

    @Inject
    public ImportDatasetFunction(DatasetImport steps) {
        this.steps = steps;
    }

    @Override
    public DatasetPlan handleRequest(ImportDatasetRequest input, Context context) {
        return steps.importDataset(input);
    }
}
