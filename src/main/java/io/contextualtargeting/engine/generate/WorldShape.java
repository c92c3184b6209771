package io.contextualtargeting.engine.generate;

import java.util.Locale;

/**
 * The behaviour knobs of the generative model: what kind of world the data comes from. The
 * defaults are the model's original constants and reproduce its output byte for byte; other values
 * make data shaped like what the engine meets elsewhere (long histories, ratings, shops, brief users).
 *
 * @param drift          0 to 1: how much of a user's taste is replaced by the end of their window, as a
 *                       multiple of the default 30-90 % (1, the default; 0: tastes never change)
 * @param events         what an interaction records (watch/click, ratings 1-5, shop views and purchases)
 * @param popularitySkew Zipf exponent of item popularity (1.05; 1.5 is heavy)
 * @param genres         number of GENRES values (17 named; fewer keeps the first ones, more adds "Genre N")
 * @param windowMin      shortest active window, as a share of the period (0.25)
 * @param windowMax      longest active window, as a share of the period (1.0)
 * @param activitySpread sigma of the log-normal number of interactions per user (1.0)
 */
public record WorldShape(double drift, EventStyle events, double popularitySkew, int genres,
                         double windowMin, double windowMax, double activitySpread) {

    public static final double DEFAULT_DRIFT = 1.0;
    public static final double DEFAULT_POPULARITY_SKEW = 1.05;
    public static final double DEFAULT_WINDOW_MIN = 0.25;
    public static final double DEFAULT_WINDOW_MAX = 1.0;
    public static final double DEFAULT_ACTIVITY_SPREAD = 1.0;
    public static final int MAX_GENRES = 60;

    /** What one interaction row records. */
    public enum EventStyle {
        /** EVENT_TYPE watch (EVENT_VALUE the share watched) or click: a streaming service. */
        WATCH,
        /** EVENT_TYPE rating, EVENT_VALUE 1-5 from how much the user likes the item. */
        RATING,
        /** EVENT_TYPE view, and purchase for some views of well-liked items; EVENT_VALUE the price. */
        SHOP;

        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static EventStyle ofCliName(String name) {
            for (EventStyle style : values()) {
                if (style.cliName().equals(name)) {
                    return style;
                }
            }
            throw new InvalidSettingsException("events", "'" + name + "' is not an event style: use watch, rating or shop");
        }
    }

    public WorldShape {
        requireRange("drift", drift, 0, 1);
        if (events == null) {
            throw new InvalidSettingsException("events", "missing: use watch, rating or shop");
        }
        requireRange("popularity-skew", popularitySkew, 0, 3);
        if (genres < 2 || genres > MAX_GENRES) {
            throw new InvalidSettingsException("genres", genres + " is out of range: use 2 to " + MAX_GENRES);
        }
        requireRange("active-window", windowMin, 0.0001, 1);
        requireRange("active-window", windowMax, windowMin, 1);
        requireRange("activity-spread", activitySpread, 0, 3);
    }

    /** The original model. */
    public static WorldShape defaults() {
        return new WorldShape(DEFAULT_DRIFT, EventStyle.WATCH, DEFAULT_POPULARITY_SKEW, Genres.NAMED,
                DEFAULT_WINDOW_MIN, DEFAULT_WINDOW_MAX, DEFAULT_ACTIVITY_SPREAD);
    }

    public WorldShape withDrift(double value) {
        return new WorldShape(value, events, popularitySkew, genres, windowMin, windowMax, activitySpread);
    }

    public WorldShape withEvents(EventStyle value) {
        return new WorldShape(drift, value, popularitySkew, genres, windowMin, windowMax, activitySpread);
    }

    public WorldShape withPopularitySkew(double value) {
        return new WorldShape(drift, events, value, genres, windowMin, windowMax, activitySpread);
    }

    public WorldShape withGenres(int value) {
        return new WorldShape(drift, events, popularitySkew, value, windowMin, windowMax, activitySpread);
    }

    public WorldShape withActiveWindow(double min, double max) {
        return new WorldShape(drift, events, popularitySkew, genres, min, max, activitySpread);
    }

    public WorldShape withActivitySpread(double value) {
        return new WorldShape(drift, events, popularitySkew, genres, windowMin, windowMax, value);
    }

    /**
     * The share of the starting taste kept at the end of the window, from the default model's draw
     * (uniform 0.1-0.7). At the default drift the draw is returned as is, so the bytes do not change.
     */
    double keptTaste(double defaultDraw) {
        return drift == DEFAULT_DRIFT ? defaultDraw : 1 - drift * (1 - defaultDraw);
    }

    /** The active window "0.25-1" as the CLI takes it; one number means a fixed share. */
    public static double[] parseWindow(String text) {
        String[] parts = text.split("-", -1);
        try {
            if (parts.length == 1) {
                double share = Double.parseDouble(parts[0]);
                return new double[] {share, share};
            }
            if (parts.length == 2) {
                return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingsException("active-window", "'" + text + "' is not a share range: write e.g. 0.25-1");
    }

    private static void requireRange(String option, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new InvalidSettingsException(option, value + " is out of range: use " + min + " to " + max);
        }
    }
}
