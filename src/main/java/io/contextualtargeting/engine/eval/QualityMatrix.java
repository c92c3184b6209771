package io.contextualtargeting.engine.eval;

import io.contextualtargeting.engine.generate.GeneratorSettings;
import io.contextualtargeting.engine.generate.WorldShape;
import io.contextualtargeting.engine.generate.WorldShape.EventStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The data shapes the engine is judged on (issue 9), each unlike the generator's default in one or
 * two ways that matter: history span, taste drift, ratings, sparse users, popularity skew, few and
 * many attribute values, size, users who come and go, a shop. {@link #small()} is the quick pair CI runs.
 */
public final class QualityMatrix {
    private static final long SEED = 42;
    /** A drawn shape holds at most this many interactions, so that a sweep of 20 takes minutes. */
    static final int MAX_DRAWN_INTERACTIONS = 1_500_000;

    private static final List<MatrixSetting> SMALL = List.of(
            setting("small-decade", "1,000 users rating 1-5 over ten years, default drift",
                    sizes(1_000, 400, 40, 3_650), WorldShape.defaults().withEvents(EventStyle.RATING)),
            setting("small-movielens", "2,000 users rating over ten years, each active 0.2-10 % of it",
                    sizes(2_000, 600, 40, 3_650), WorldShape.defaults().withEvents(EventStyle.RATING)
                            .withActiveWindow(0.002, 0.1)));

    private static final List<MatrixSetting> LARGER = List.of(
            setting("default", "the default generate benchmark: 20,000 users x 3,000 items, one year",
                    sizes(20_000, 3_000, 50, 365), WorldShape.defaults()),
            setting("month", "a month-old service: one month of history, watch events",
                    sizes(20_000, 3_000, 20, 30), WorldShape.defaults()),
            setting("decade", "ten years of history, watch events, default drift",
                    sizes(10_000, 2_000, 40, 3_650), WorldShape.defaults()),
            setting("no-drift-3y", "three years, tastes that never change",
                    sizes(20_000, 3_000, 40, 1_095), WorldShape.defaults().withDrift(0)),
            setting("ratings-3y", "ratings 1-5 over three years, low means dislike",
                    sizes(20_000, 3_000, 40, 1_095), WorldShape.defaults().withEvents(EventStyle.RATING)),
            setting("sparse", "50,000 sparse users (median about 7 interactions), one year",
                    sizes(50_000, 3_000, 12, 365), WorldShape.defaults()),
            setting("heavy-skew", "heavy popularity skew (Zipf 1.5)",
                    sizes(20_000, 3_000, 40, 365), WorldShape.defaults().withPopularitySkew(1.5)),
            setting("few-genres", "5 attribute values",
                    sizes(20_000, 3_000, 40, 365), WorldShape.defaults().withGenres(5)),
            setting("many-genres", "60 attribute values",
                    sizes(20_000, 3_000, 40, 365), WorldShape.defaults().withGenres(60)),
            setting("movielens-like", "ratings over ten years by users active 0.2-10 % of it: a burst, then gone",
                    sizes(30_000, 4_000, 60, 3_650), WorldShape.defaults().withEvents(EventStyle.RATING)
                            .withActiveWindow(0.002, 0.1).withActivitySpread(1.2)),
            setting("ml100k-like", "943 users rating 1,682 films over 7 months, 19 genres, each active 1-60 % of it",
                    sizes(943, 1_682, 106, 215), WorldShape.defaults().withEvents(EventStyle.RATING).withGenres(19)
                            .withActiveWindow(0.01, 0.6).withActivitySpread(1.2)),
            setting("ml-small-like", "610 users rating 9,000 films over 22 years, 20 genres, a burst each, then gone",
                    sizes(610, 9_000, 165, 8_030), WorldShape.defaults().withEvents(EventStyle.RATING).withGenres(20)
                            .withActiveWindow(0.0005, 0.05).withActivitySpread(1.5)),
            setting("shop", "a small shop: views and some purchases over six months, 10 categories",
                    sizes(10_000, 1_500, 15, 180), WorldShape.defaults().withEvents(EventStyle.SHOP).withGenres(10)
                            .withPopularitySkew(1.2)),
            setting("large", "100,000 users x 5,000 items, one year",
                    sizes(100_000, 5_000, 12, 365), WorldShape.defaults()));

    private QualityMatrix() {
    }

    /** Every setting, the small ones first. */
    public static List<MatrixSetting> full() {
        return Stream.concat(SMALL.stream(), LARGER.stream()).toList();
    }

    /** Two small settings (1,000-2,000 users), a few seconds each: for CI. */
    public static List<MatrixSetting> small() {
        return SMALL;
    }

    /** The setting called {@code name}. */
    public static MatrixSetting named(String name) {
        return full().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no matrix setting '" + name + "': use one of "
                        + String.join(", ", full().stream().map(MatrixSetting::name).toList())));
    }

    /**
     * {@code count} shapes drawn over wide ranges of every generator setting (users 500-40,000, items
     * 200-6,000, 5-150 interactions per user, 14 days to 22 years, every event style, 3-60 attribute
     * values, drift, popularity skew, users active from 0.1 % of the period to all of it): shapes
     * nobody chose, to see where the engine loses. The same seed draws the same shapes.
     */
    public static List<MatrixSetting> drawn(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<MatrixSetting> drawn = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            int users = (int) logUniform(random, 500, 40_000);
            int items = (int) logUniform(random, 200, 6_000);
            int perUser = (int) Math.max(1, Math.min(Math.min(items / 4, logUniform(random, 5, 150)),
                    MAX_DRAWN_INTERACTIONS / users));
            int days = (int) logUniform(random, 14, 8_000);
            double windowMin = logUniform(random, 0.001, 0.5);
            WorldShape shape = WorldShape.defaults()
                    .withEvents(EventStyle.values()[random.nextInt(EventStyle.values().length)])
                    .withGenres((int) logUniform(random, 3, WorldShape.MAX_GENRES))
                    .withDrift(random.nextDouble())
                    .withPopularitySkew(0.8 + 0.8 * random.nextDouble())
                    .withActiveWindow(windowMin, Math.min(1, windowMin * logUniform(random, 1, 50)))
                    .withActivitySpread(0.6 + random.nextDouble());
            drawn.add(setting("drawn-" + n, "drawn at random (sweep seed " + seed + ")",
                    sizes(users, items, perUser, days).withSeed(seed + n), shape));
        }
        return drawn;
    }

    private static double logUniform(SplittableRandom random, double min, double max) {
        return Math.exp(Math.log(min) + random.nextDouble() * Math.log(max / min));
    }

    private static GeneratorSettings sizes(int users, int items, int interactionsPerUser, int days) {
        return GeneratorSettings.of(users, items, SEED).withInteractionsPerUser(interactionsPerUser).withDays(days);
    }

    private static MatrixSetting setting(String name, String description, GeneratorSettings sizes, WorldShape shape) {
        return new MatrixSetting(name, description, sizes.withShape(shape));
    }
}
