package io.contextualtargeting.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.contextualtargeting.workflow.segments.SegmentsSummary;
import io.contextualtargeting.workflow.segments.SummarizeRequest;
import jakarta.inject.Named;

/** Post-processing task Summarize: totals the segment reports of one batch segment job. */
@Named("summarize-segments")
public class SummarizeSegmentsFunction implements RequestHandler<SummarizeRequest, SegmentsSummary> {
    @Override
    public SegmentsSummary handleRequest(SummarizeRequest request, Context context) {
        return request.summarize();
    }
}
