package io.contextualtargeting.engine.generate;

/**
 * Everything planted for one set of settings: the period, the catalog (in memory) and the
 * population (computed per user on demand). Building it does no I/O.
 */
public record SyntheticWorld(GeneratorSettings settings, Period period, Catalog catalog, Population population) {

    public static SyntheticWorld create(GeneratorSettings settings) {
        Period period = Period.forSeed(settings.seed(), settings.days());
        Catalog catalog = CatalogGenerator.generate(settings, period);
        return new SyntheticWorld(settings, period, catalog, new Population(settings, period, catalog));
    }
}
