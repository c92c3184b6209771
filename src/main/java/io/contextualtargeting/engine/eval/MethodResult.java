package io.contextualtargeting.engine.eval;

/**
 * One method's averages over the evaluated queries of one kind: {@code recall[f]} and
 * {@code hits[f]} are means over queries at segment share f of {@link Evaluation#shares()};
 * {@code overlap} is the mean share of users that the segments of two different queries have in
 * common (at {@link Evaluation#OVERLAP_SHARE} of the users; NaN with fewer than two queries): near
 * 1 when a method gives every query the same users, whatever it asks for.
 */
public record MethodResult(String method, double[] recall, double[] hits, double overlap) {
}
