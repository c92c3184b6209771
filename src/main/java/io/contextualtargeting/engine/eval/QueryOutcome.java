package io.contextualtargeting.engine.eval;

import io.contextualtargeting.engine.query.SegmentQuery;
import java.util.List;

/**
 * How every method did on one query: {@code hits.get(m)[f]} is how many of method m's top
 * {@code segmentSizes[f]} users are positives (users with a held-out interaction matching the query).
 */
public record QueryOutcome(SegmentQuery query, int positives, List<int[]> hits) {

    public QueryOutcome {
        hits = List.copyOf(hits);
    }

    public QueryKind kind() {
        return QueryKind.of(query);
    }
}
