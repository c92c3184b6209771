package io.contextualtargeting.engine.generate;

import io.contextualtargeting.formats.InputException;

/** A generator setting out of its range; names the option and the accepted range. */
public final class InvalidSettingsException extends InputException {
    public InvalidSettingsException(String option, String problem) {
        super("generate settings", 0, option, problem);
    }
}
