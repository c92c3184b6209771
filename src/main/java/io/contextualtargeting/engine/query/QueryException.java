package io.contextualtargeting.engine.query;

import io.contextualtargeting.engine.InputException;

/** A batch segment job input line that Personalize would reject: bad JSON, bad grammar, over the limits. */
public class QueryException extends InputException {
    public QueryException(String source, long line, String field, String problem) {
        super(source, line, field, problem);
    }
}
