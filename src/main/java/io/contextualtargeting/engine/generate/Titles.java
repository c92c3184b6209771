package io.contextualtargeting.engine.generate;

import java.util.List;

/** Made-up but plausible titles; no commas or quotes, so CSV fields never need quoting. */
final class Titles {
    private static final List<String> ADJECTIVES = List.of(
            "Silent", "Broken", "Last", "Hidden", "Golden", "Midnight", "Crimson", "Frozen", "Wild", "Lost",
            "Distant", "Burning", "Electric", "Quiet", "Iron", "Secret", "Endless", "Fallen", "Northern", "Velvet",
            "Hollow", "Bright", "Savage", "Paper", "Glass", "Second", "Final", "Little", "Dark", "Restless");
    private static final List<String> NOUNS = List.of(
            "River", "Horizon", "Empire", "Garden", "Signal", "Harbor", "Kingdom", "Shadow", "Frontier", "Promise",
            "Machine", "Summer", "Witness", "Orchard", "Voyage", "Storm", "Island", "Letter", "Circus", "Mountain",
            "Station", "Dream", "Heist", "Stranger", "Country", "Winter", "Engine", "Ballad", "Tide", "Crown");
    private static final List<String> SEQUELS = List.of("", " II", " III", " IV", " V", " VI");

    private Titles() {
    }

    static String fresh(RandomStream random) {
        String adjective = random.oneOf(ADJECTIVES);
        String noun = random.oneOf(NOUNS);
        return switch (random.nextInt(3)) {
            case 0 -> "The " + adjective + " " + noun;
            case 1 -> noun + " of the " + random.oneOf(NOUNS);
            default -> adjective + " " + noun;
        };
    }

    /** The title of part {@code part} (0-based) of a franchise called {@code base}. */
    static String sequel(String base, int part) {
        return base + SEQUELS.get(Math.min(part, SEQUELS.size() - 1));
    }

    /** The most parts a franchise has. */
    static int maxParts() {
        return SEQUELS.size();
    }
}
