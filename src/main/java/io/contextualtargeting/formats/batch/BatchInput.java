package io.contextualtargeting.formats.batch;

import io.contextualtargeting.formats.query.SegmentQuery;

/** The input of one job output line, as echoed by the job: {@code itemId} or {@code itemAttributes} and its value. */
public record BatchInput(String key, String value) {

    public static BatchInput of(SegmentQuery query) {
        return new BatchInput(query.key(), query.value());
    }
}
