package io.contextualtargeting.formats.data;

import io.contextualtargeting.formats.InputException;

/** A dataset schema (Avro record JSON) or training config that does not describe usable columns. */
public class SchemaException extends InputException {
    public SchemaException(String source, String field, String problem) {
        super(source, 0, field, problem);
    }
}
