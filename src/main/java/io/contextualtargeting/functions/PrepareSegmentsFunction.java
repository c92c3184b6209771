package io.contextualtargeting.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.contextualtargeting.workflow.segments.PrepareSegments;
import io.contextualtargeting.workflow.segments.PrepareSegmentsRequest;
import io.contextualtargeting.workflow.segments.SegmentBatch;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Post-processing task PrepareSegments. */
@Named("prepare-segments")
public class PrepareSegmentsFunction implements RequestHandler<PrepareSegmentsRequest, SegmentBatch> {
    private final PrepareSegments step;

    @Inject
    public PrepareSegmentsFunction(PrepareSegments step) {
        this.step = step;
    }

    @Override
    public SegmentBatch handleRequest(PrepareSegmentsRequest request, Context context) {
        return step.run(request);
    }
}
