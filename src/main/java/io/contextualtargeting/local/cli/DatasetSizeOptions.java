package io.contextualtargeting.local.cli;

import io.contextualtargeting.engine.generate.GeneratorSettings;
import picocli.CommandLine.Option;

/** The size and seed of a generated dataset: {@code generate} and {@code benchmark quality} (a picocli mixin). */
final class DatasetSizeOptions {
    @Option(names = "--users", paramLabel = "N", description = "Users of the generated dataset.")
    int users = GeneratorSettings.DEFAULT_USERS;

    @Option(names = "--items", paramLabel = "M", description = "Items of the generated dataset.")
    int items = GeneratorSettings.DEFAULT_ITEMS;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed of the generated dataset.")
    long seed = GeneratorSettings.DEFAULT_SEED;

    /** These, every other setting at its default. */
    GeneratorSettings settings() {
        return GeneratorSettings.of(users, items, seed);
    }
}
