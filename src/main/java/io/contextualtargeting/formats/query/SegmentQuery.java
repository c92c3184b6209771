package io.contextualtargeting.formats.query;

/** One line of a batch segment job input: users for one item, or users for items with attribute values. */
public sealed interface SegmentQuery permits ItemQuery, AttributeQuery {

    /** The JSON key of the input line: {@code itemId} or {@code itemAttributes}. */
    String key();

    /** The value of the input line as written, echoed in the job output. */
    String value();
}
