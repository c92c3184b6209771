package io.contextualtargeting.engine.eval;

import io.contextualtargeting.formats.query.QueryKind;
import io.contextualtargeting.formats.query.SegmentQuery;

/** A query the evaluation could not score, and why (no positive in the test period, or unanswerable). */
public record SkippedQuery(SegmentQuery query, String reason) {

    public QueryKind kind() {
        return QueryKind.of(query);
    }
}
