package io.contextualtargeting.engine.generate;

import java.util.List;

/**
 * The genre vocabulary of the synthetic catalog: names, how common each is among items, which
 * genres tend to go together on one item, and how age shifts tastes a little.
 */
final class Genres {
    static final List<String> NAMES = List.of(
            "Action", "Adventure", "Animation", "Children", "Comedy", "Crime", "Documentary", "Drama",
            "Fantasy", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western");

    static final int COUNT = NAMES.size();

    /** Relative share of items with the genre (roughly the shape of public movie catalogs). */
    private static final double[] PREVALENCE = {
            10, 5, 3, 3, 16, 5, 4, 20, 3, 5, 1.5, 3, 7, 4, 8, 1.5, 1};

    /** Pairs that co-occur on one item far more often than chance. */
    private static final String[][] RELATED = {
            {"Action", "Adventure"}, {"Action", "Thriller"}, {"Action", "Sci-Fi"}, {"Action", "Western"},
            {"Adventure", "Fantasy"}, {"Animation", "Children"}, {"Children", "Comedy"}, {"Comedy", "Romance"},
            {"Drama", "Romance"}, {"Crime", "Thriller"}, {"Crime", "Drama"}, {"Horror", "Thriller"},
            {"Mystery", "Thriller"}, {"Sci-Fi", "Thriller"}, {"Drama", "War"}, {"Musical", "Romance"},
            {"Fantasy", "Animation"}, {"Documentary", "War"}};

    private static final double RELATED_BOOST = 8.0;

    private Genres() {
    }

    static double prevalence(int genre) {
        return PREVALENCE[genre];
    }

    private static boolean related(int a, int b) {
        String nameA = NAMES.get(a);
        String nameB = NAMES.get(b);
        for (String[] pair : RELATED) {
            if (pair[0].equals(nameA) && pair[1].equals(nameB) || pair[0].equals(nameB) && pair[1].equals(nameA)) {
                return true;
            }
        }
        return false;
    }

    /** Weight of {@code genre} as a further genre of an item that already has {@code chosenMask}. */
    static double companionWeight(int genre, int chosenMask) {
        if ((chosenMask & (1 << genre)) != 0) {
            return 0;
        }
        double weight = PREVALENCE[genre];
        for (int other = 0; other < COUNT; other++) {
            if ((chosenMask & (1 << other)) != 0 && related(genre, other)) {
                return weight * RELATED_BOOST;
            }
        }
        return weight;
    }

    /** A mild, documented demographic tilt of the taste prior (never stronger than x2). */
    static double ageTilt(int genre, int age) {
        String name = NAMES.get(genre);
        if (age < 30) {
            return switch (name) {
                case "Animation", "Horror", "Fantasy" -> 1.5;
                case "Sci-Fi", "Action" -> 1.25;
                case "War", "Western", "Documentary" -> 0.6;
                default -> 1.0;
            };
        }
        if (age < 46) {
            return switch (name) {
                case "Children", "Animation" -> 1.6;
                default -> 1.0;
            };
        }
        if (age >= 55) {
            return switch (name) {
                case "War", "Western" -> 1.7;
                case "Drama", "Documentary", "Mystery" -> 1.3;
                case "Horror", "Animation" -> 0.6;
                default -> 1.0;
            };
        }
        return 1.0;
    }

    /** The genres of a mask, '|'-separated in vocabulary order (Personalize's multi-value form). */
    static String field(int mask) {
        StringBuilder field = new StringBuilder();
        for (int genre = 0; genre < COUNT; genre++) {
            if ((mask & (1 << genre)) != 0) {
                if (field.length() > 0) {
                    field.append('|');
                }
                field.append(NAMES.get(genre));
            }
        }
        return field.toString();
    }
}
