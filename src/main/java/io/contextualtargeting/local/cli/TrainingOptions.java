package io.contextualtargeting.local.cli;

import io.contextualtargeting.engine.model.TrainingParameters;

/** The engine options {@code segment} and {@code evaluate} share: {@code --seed --factors --iterations --threads}. */
final class TrainingOptions {
    private TrainingOptions() {
    }

    static TrainingParameters parse(CliArgs args) {
        TrainingParameters defaults = TrainingParameters.defaults();
        return defaults
                .withSeed(args.longOption("seed", defaults.seed()))
                .withFactors(args.intOption("factors", defaults.factors()))
                .withIterations(args.intOption("iterations", defaults.iterations()))
                .withThreads(args.intOption("threads", defaults.threads()));
    }
}
