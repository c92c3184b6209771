package io.contextualtargeting.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.contextualtargeting.workflow.segments.SegmentReport;
import io.contextualtargeting.workflow.segments.WriteSegment;
import io.contextualtargeting.workflow.segments.WriteSegmentRequest;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Post-processing task WriteSegment (one iteration of the WriteSegments Map). */
@Named("write-segment")
public class WriteSegmentFunction implements RequestHandler<WriteSegmentRequest, SegmentReport> {
    private final WriteSegment step;

    @Inject
    public WriteSegmentFunction(WriteSegment step) {
        this.step = step;
    }

    @Override
    public SegmentReport handleRequest(WriteSegmentRequest request, Context context) {
        return step.run(request);
    }
}
