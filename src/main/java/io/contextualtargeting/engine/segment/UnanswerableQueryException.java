package io.contextualtargeting.engine.segment;

import io.contextualtargeting.formats.InputException;

/**
 * A well-formed query the trained model cannot answer (an unknown item, no item with the attribute
 * values). In a batch job it fails its own line only, as Personalize reports it in the line's
 * {@code error}; {@link #problem()} is that message.
 */
public class UnanswerableQueryException extends InputException {
    public UnanswerableQueryException(String field, String problem) {
        super("segment query", 0, field, problem);
    }
}
