package io.contextualtargeting.engine.segment;

/** The items a query is about and how much each counts (weights sum to 1). */
record QueryTarget(int[] items, float[] weights) {
}
