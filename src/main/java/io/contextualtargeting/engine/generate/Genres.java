package io.contextualtargeting.engine.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * The genre vocabulary of the synthetic catalog: names, how common each is among items, which
 * genres tend to go together on one item, and how age shifts tastes a little. The 17 named genres
 * are the default; fewer keeps the first ones, more adds "Genre 18", "Genre 19", ... with a falling
 * prevalence, each related to one named genre.
 */
final class Genres {
    private static final List<String> NAMES = List.of(
            "Action", "Adventure", "Animation", "Children", "Comedy", "Crime", "Documentary", "Drama",
            "Fantasy", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western");

    /** How many genres have names; the default vocabulary size. */
    static final int NAMED = NAMES.size();

    /** Relative share of items with the named genre (roughly the shape of public movie catalogs). */
    private static final double[] PREVALENCE = {
            10, 5, 3, 3, 16, 5, 4, 20, 3, 5, 1.5, 3, 7, 4, 8, 1.5, 1};
    /** Prevalence of the synthesized genre g (0-based, g >= NAMED) is this x NAMED / (g + 1). */
    private static final double SYNTHESIZED_PREVALENCE = 6;

    /** Pairs that co-occur on one item far more often than chance. */
    private static final String[][] RELATED = {
            {"Action", "Adventure"}, {"Action", "Thriller"}, {"Action", "Sci-Fi"}, {"Action", "Western"},
            {"Adventure", "Fantasy"}, {"Animation", "Children"}, {"Children", "Comedy"}, {"Comedy", "Romance"},
            {"Drama", "Romance"}, {"Crime", "Thriller"}, {"Crime", "Drama"}, {"Horror", "Thriller"},
            {"Mystery", "Thriller"}, {"Sci-Fi", "Thriller"}, {"Drama", "War"}, {"Musical", "Romance"},
            {"Fantasy", "Animation"}, {"Documentary", "War"}};

    private static final double RELATED_BOOST = 8.0;

    private final List<String> names;
    private final double[] prevalence;
    private final boolean[][] related;

    Genres(int count) {
        List<String> vocabulary = new ArrayList<>(count);
        prevalence = new double[count];
        for (int genre = 0; genre < count; genre++) {
            vocabulary.add(genre < NAMED ? NAMES.get(genre) : "Genre " + (genre + 1));
            prevalence[genre] = genre < NAMED ? PREVALENCE[genre] : SYNTHESIZED_PREVALENCE * NAMED / (genre + 1);
        }
        names = List.copyOf(vocabulary);
        related = new boolean[count][count];
        for (int a = 0; a < count; a++) {
            for (int b = 0; b < count; b++) {
                related[a][b] = isRelated(a, b);
            }
        }
    }

    int count() {
        return names.size();
    }

    List<String> names() {
        return names;
    }

    double prevalence(int genre) {
        return prevalence[genre];
    }

    /** Named pairs from the list; a synthesized genre goes with the named genre its number cycles to. */
    private static boolean isRelated(int a, int b) {
        if (a >= NAMED || b >= NAMED) {
            return a != b && (a >= NAMED && a % NAMED == b || b >= NAMED && b % NAMED == a);
        }
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
    double companionWeight(int genre, long chosenMask) {
        if ((chosenMask & (1L << genre)) != 0) {
            return 0;
        }
        double weight = prevalence[genre];
        for (int other = 0; other < names.size(); other++) {
            if ((chosenMask & (1L << other)) != 0 && related[genre][other]) {
                return weight * RELATED_BOOST;
            }
        }
        return weight;
    }

    /** A mild, documented demographic tilt of the taste prior (never stronger than x2); none for synthesized genres. */
    double ageTilt(int genre, int age) {
        String name = names.get(genre);
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
    String field(long mask) {
        StringBuilder field = new StringBuilder();
        for (int genre = 0; genre < names.size(); genre++) {
            if ((mask & (1L << genre)) != 0) {
                if (field.length() > 0) {
                    field.append('|');
                }
                field.append(names.get(genre));
            }
        }
        return field.toString();
    }
}
