package io.contextualtargeting.engine.eval;

import io.contextualtargeting.engine.generate.GeneratorSettings;
import io.contextualtargeting.engine.generate.WorldShape;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One data shape of the quality matrix: a name to run it by, what it stands for, and the generator
 * settings that make it.
 */
public record MatrixSetting(String name, String description, GeneratorSettings generator) {

    /** The same shape generated from another seed: other users, items and tastes drawn alike. */
    public MatrixSetting withSeed(long seed) {
        return new MatrixSetting(name, description, generator.withSeed(seed));
    }

    /** The {@code generate} options that make the same data (every size, the world shape where not the default). */
    public String generateOptions() {
        List<String> options = new ArrayList<>(List.of(
                "--users " + generator.users(), "--items " + generator.items(), "--seed " + generator.seed(),
                "--interactions-per-user " + generator.interactionsPerUser(), "--days " + generator.days()));
        WorldShape shape = generator.shape();
        WorldShape defaults = WorldShape.defaults();
        if (shape.drift() != defaults.drift()) {
            options.add("--drift " + number(shape.drift()));
        }
        if (shape.events() != defaults.events()) {
            options.add("--events " + shape.events().cliName());
        }
        if (shape.popularitySkew() != defaults.popularitySkew()) {
            options.add("--popularity-skew " + number(shape.popularitySkew()));
        }
        if (shape.genres() != defaults.genres()) {
            options.add("--genres " + shape.genres());
        }
        if (shape.windowMin() != defaults.windowMin() || shape.windowMax() != defaults.windowMax()) {
            options.add("--active-window " + number(shape.windowMin()) + "-" + number(shape.windowMax()));
        }
        if (shape.activitySpread() != defaults.activitySpread()) {
            options.add("--activity-spread " + number(shape.activitySpread()));
        }
        return String.join(" ", options);
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
