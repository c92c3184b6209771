package io.contextualtargeting.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.contextualtargeting.workflow.imports.ImportStatus;
import io.contextualtargeting.workflow.imports.SegmentFileLanded;
import io.contextualtargeting.workflow.imports.StartSegmentImport;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Segment import task StartSegmentImport. */
@Named("start-segment-import")
public class StartSegmentImportFunction implements RequestHandler<SegmentFileLanded, ImportStatus> {
    private final StartSegmentImport step;

    @Inject
    public StartSegmentImportFunction(StartSegmentImport step) {
        this.step = step;
    }

    @Override
    public ImportStatus handleRequest(SegmentFileLanded landed, Context context) {
        return step.run(landed);
    }
}
