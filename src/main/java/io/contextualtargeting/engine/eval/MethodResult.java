package io.contextualtargeting.engine.eval;

/**
 * One method's averages over the evaluated queries of one kind: {@code recall[f]} and
 * {@code hits[f]} are means over queries at segment share f of {@link Evaluation#shares()}.
 */
public record MethodResult(String method, double[] recall, double[] hits) {
}
