package io.contextualtargeting.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.contextualtargeting.ports.SegmentationService.DatasetGroupContents;
import io.contextualtargeting.workflow.cleanup.CleanupReport;
import io.contextualtargeting.workflow.cleanup.CleanupSteps;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Clean-up task DeleteDatasetGroup, polled by retrying ResourcePendingException. */
@Named("delete-dataset-group")
public class DeleteDatasetGroupFunction implements RequestHandler<DatasetGroupContents, CleanupReport> {
    private final CleanupSteps steps;

    @Inject
    public DeleteDatasetGroupFunction(CleanupSteps steps) {
        this.steps = steps;
    }

    @Override
    public CleanupReport handleRequest(DatasetGroupContents group, Context context) {
        return steps.deleteResources(group);
    }
}
