package io.contextualtargeting.engine.eval;

import io.contextualtargeting.formats.InputException;

/** Data or queries an evaluation cannot work with, e.g. too few distinct timestamps to hold any out. */
public class EvaluationException extends InputException {
    public EvaluationException(String source, String field, String problem) {
        super(source, 0, field, problem);
    }
}
