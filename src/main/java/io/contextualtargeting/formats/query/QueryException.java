package io.contextualtargeting.formats.query;

import io.contextualtargeting.formats.InputException;

/** A batch segment job input line that Personalize would reject: bad JSON, bad grammar, over the limits. */
public class QueryException extends InputException {
    public QueryException(String source, long line, String field, String problem) {
        super(source, line, field, problem);
    }
}
