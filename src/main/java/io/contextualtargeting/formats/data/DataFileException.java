package io.contextualtargeting.formats.data;

import io.contextualtargeting.formats.InputException;

/** A data file (interactions, items, users CSV) that cannot be read as Personalize would read it. */
public class DataFileException extends InputException {
    public DataFileException(String source, long line, String field, String problem) {
        super(source, line, field, problem);
    }
}
