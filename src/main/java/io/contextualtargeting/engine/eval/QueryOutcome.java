package io.contextualtargeting.engine.eval;

import io.contextualtargeting.formats.query.QueryKind;
import io.contextualtargeting.formats.query.SegmentQuery;
import java.util.List;

/**
 * How every method did on one query: {@code hits.get(m)[f]} is how many of method m's top
 * {@code segmentSizes[f]} users are positives (users with a held-out interaction matching the query);
 * {@code segments.get(m)} is method m's segment of {@link Evaluation#OVERLAP_SHARE} of the users, as
 * ascending user indices, to compare the segments of different queries.
 */
public record QueryOutcome(SegmentQuery query, int positives, List<int[]> hits, List<int[]> segments) {

    public QueryOutcome {
        hits = List.copyOf(hits);
        segments = List.copyOf(segments);
    }

    public QueryKind kind() {
        return QueryKind.of(query);
    }
}
