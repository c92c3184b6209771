package io.contextualtargeting.engine.generate;

/**
 * What to generate: sizes, seed, dataset name and the knobs worth exposing, among them the shape of
 * the world the data comes from. Everything else about the generative model is fixed and
 * documented in docs/generator.md.
 *
 * @param users               number of users (100 to 50,000,000)
 * @param items               number of items (20 to 5,000,000)
 * @param interactionsPerUser mean interactions per user; activity is skewed around it
 * @param seed                the only source of randomness: same settings, same bytes
 * @param name                dataset group name, also the folder name under train/ and batch/
 * @param numResults          users per segment in the batch segment jobs of the training config
 * @param days                length of the interaction period, ending on a date derived from the seed
 * @param threads             worker threads; the output does not depend on it
 * @param shape               behaviour knobs (drift, event style, popularity skew, genres, windows, spread)
 */
public record GeneratorSettings(int users, int items, int interactionsPerUser, long seed, String name,
                                int numResults, int days, int threads, WorldShape shape) {

    public static final int DEFAULT_USERS = 20_000;
    public static final int DEFAULT_ITEMS = 3_000;
    public static final int DEFAULT_INTERACTIONS_PER_USER = 50;
    public static final long DEFAULT_SEED = 42;
    public static final String DEFAULT_NAME = "bingewatch";
    public static final int DEFAULT_DAYS = 365;
    /** Personalize's upper bound for numResults of a batch segment job. */
    public static final int MAX_NUM_RESULTS = 5_000_000;

    public GeneratorSettings {
        requireRange("users", users, 100, 50_000_000);
        requireRange("items", items, 20, 5_000_000);
        requireRange("interactions-per-user", interactionsPerUser, 1, Math.max(1, items / 4));
        requireRange("num-results", numResults, 1, MAX_NUM_RESULTS);
        requireRange("days", days, 7, 10_000); // the period ends in 2021-2024 (Period), so it starts after 1990, where TIMESTAMPs are refused
        requireRange("threads", threads, 1, 256);
        if (shape == null) {
            throw new InvalidSettingsException("shape", "missing: use WorldShape.defaults()");
        }
        if (name == null || !name.matches("[a-zA-Z0-9][a-zA-Z0-9_-]{0,40}")) {
            throw new InvalidSettingsException("name", "'" + name + "' is not a valid dataset group name:"
                    + " use 1-41 letters, digits, '-' or '_', starting with a letter or digit");
        }
    }

    /** Settings in the original world shape. */
    public GeneratorSettings(int users, int items, int interactionsPerUser, long seed, String name, int numResults,
                             int days, int threads) {
        this(users, items, interactionsPerUser, seed, name, numResults, days, threads, WorldShape.defaults());
    }

    /** The defaults ("the default generate benchmark"): 20,000 users x 3,000 items, about 1 M interactions. */
    public static GeneratorSettings defaults() {
        return of(DEFAULT_USERS, DEFAULT_ITEMS, DEFAULT_SEED);
    }

    /** Sizes and seed, every other setting at its default. */
    public static GeneratorSettings of(int users, int items, long seed) {
        return new GeneratorSettings(users, items, Math.min(DEFAULT_INTERACTIONS_PER_USER, Math.max(1, items / 4)),
                seed, DEFAULT_NAME, defaultNumResults(users), DEFAULT_DAYS,
                Runtime.getRuntime().availableProcessors());
    }

    /** 5 % of the users, at least 10: a segment a campaign would target. */
    public static int defaultNumResults(int users) {
        return Math.min(MAX_NUM_RESULTS, Math.max(10, Math.round(users * 0.05f)));
    }

    public GeneratorSettings withInteractionsPerUser(int value) {
        return new GeneratorSettings(users, items, value, seed, name, numResults, days, threads, shape);
    }

    public GeneratorSettings withName(String value) {
        return new GeneratorSettings(users, items, interactionsPerUser, seed, value, numResults, days, threads, shape);
    }

    public GeneratorSettings withNumResults(int value) {
        return new GeneratorSettings(users, items, interactionsPerUser, seed, name, value, days, threads, shape);
    }

    public GeneratorSettings withDays(int value) {
        return new GeneratorSettings(users, items, interactionsPerUser, seed, name, numResults, value, threads, shape);
    }

    public GeneratorSettings withThreads(int value) {
        return new GeneratorSettings(users, items, interactionsPerUser, seed, name, numResults, days, value, shape);
    }

    public GeneratorSettings withSeed(long value) {
        return new GeneratorSettings(users, items, interactionsPerUser, value, name, numResults, days, threads, shape);
    }

    public GeneratorSettings withShape(WorldShape value) {
        return new GeneratorSettings(users, items, interactionsPerUser, seed, name, numResults, days, threads, value);
    }

    private static void requireRange(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidSettingsException(option, value + " is out of range: use " + min + " to " + max);
        }
    }
}
