package io.contextualtargeting.workflow.cleanup;

import io.contextualtargeting.formats.InputException;

/** The clean-up was started with an input that names no dataset group. */
public class InvalidCleanupRequestException extends InputException {

    public InvalidCleanupRequestException(String problem) {
        super("clean-up execution input", 0, "datasetGroup", problem);
    }
}
