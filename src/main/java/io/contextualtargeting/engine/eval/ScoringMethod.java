package io.contextualtargeting.engine.eval;

import io.contextualtargeting.engine.segment.UserScorer;

/** One way of ranking users that an evaluation compares, under the name its reports show. */
public record ScoringMethod(String name, UserScorer scorer) {
}
