package io.contextualtargeting.workflow.imports;

import io.contextualtargeting.formats.InputException;
import io.contextualtargeting.formats.InputProblemsException;
import java.util.List;

/** A segment (or endpoint) file Pinpoint would not import whole; nothing of it is imported. */
public class InvalidSegmentFileException extends InputProblemsException {
    public InvalidSegmentFileException(String source, List<InputException> problems, long total) {
        super(source, problems, total);
    }
}
