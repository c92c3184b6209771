package io.contextualtargeting.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.contextualtargeting.ports.SegmentationService.DatasetGroupContents;
import io.contextualtargeting.workflow.cleanup.CleanupRequest;
import io.contextualtargeting.workflow.cleanup.CleanupSteps;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Clean-up task FindDatasetGroupResources. */
@Named("find-dataset-group-resources")
public class FindDatasetGroupResourcesFunction implements RequestHandler<CleanupRequest, DatasetGroupContents> {
    private final CleanupSteps steps;

    @Inject
    public FindDatasetGroupResourcesFunction(CleanupSteps steps) {
        this.steps = steps;
    }

    @Override
    public DatasetGroupContents handleRequest(CleanupRequest request, Context context) {
        return steps.findResources(request);
    }
}
