package io.contextualtargeting.formats.batch;

import io.contextualtargeting.formats.InputException;

/** A batch segment job output file that is not in either of the shapes Personalize writes. */
public class BatchOutputException extends InputException {
    public BatchOutputException(String source, long line, String field, String problem) {
        super(source, line, field, problem);
    }
}
