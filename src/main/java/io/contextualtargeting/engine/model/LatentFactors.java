package io.contextualtargeting.engine.model;

/** The trained factors: a user's predicted preference for an item is the dot product of their rows. */
public record LatentFactors(FactorMatrix users, FactorMatrix items) {
}
