package io.contextualtargeting.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.contextualtargeting.workflow.imports.CheckSegmentImport;
import io.contextualtargeting.workflow.imports.ImportStatus;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Segment import task CheckSegmentImport. */
@Named("check-segment-import")
public class CheckSegmentImportFunction implements RequestHandler<ImportStatus, ImportStatus> {
    private final CheckSegmentImport step;

    @Inject
    public CheckSegmentImportFunction(CheckSegmentImport step) {
        this.step = step;
    }

    @Override
    public ImportStatus handleRequest(ImportStatus started, Context context) {
        return step.run(started);
    }
}
