package io.contextualtargeting.formats.query;

/** A query and the line of the input file it came from. */
public record QueryLine(long line, SegmentQuery query) {
}
