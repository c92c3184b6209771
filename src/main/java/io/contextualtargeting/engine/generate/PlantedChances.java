package io.contextualtargeting.engine.generate;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * How many times a synthetic user is expected to choose some items in a period, from what the
 * generator planted: the user's activity and window, taste at that time, exploration and followed
 * franchises, as {@link InteractionSimulator} draws them. No method can know these; a ranking by
 * them is the ceiling a benchmark measures the others against. Approximate: the chance of each
 * choice is taken at the middle of the user's time in the period, and what the user had before
 * the period is the only history that rules items out.
 */
public final class PlantedChances {
    private final Catalog catalog;
    private final Population population;
    private final double[] genreMass;
    private final double totalMass;
    /** Creation times in ascending order, and the mass per genre (the last slot: in all) of the items created after each. */
    private final long[] creationTimes;
    private final double[][] massCreatedAfter;
    private final Map<Integer, UserState> users = new HashMap<>();

    /** A user's profile and what their history takes out of each sampler's mass. */
    private record UserState(UserProfile profile, int[] had, double[] hadGenreMass, double hadMass) {
    }

    public PlantedChances(SyntheticWorld world) {
        this.catalog = world.catalog();
        this.population = world.population();
        this.genreMass = new double[catalog.genres().count()];
        double total = 0;
        for (Item item : catalog.items()) {
            total += item.popularity();
            forEachGenre(item, g -> genreMass[g] += item.popularity());
        }
        this.totalMass = total;
        List<Item> byCreation = catalog.items().stream().sorted(Comparator.comparingLong(Item::creationTimestamp)).toList();
        this.creationTimes = byCreation.stream().mapToLong(Item::creationTimestamp).toArray();
        this.massCreatedAfter = new double[byCreation.size() + 1][genreMass.length + 1];
        for (int k = byCreation.size() - 1; k >= 0; k--) {
            Item item = byCreation.get(k);
            double[] after = massCreatedAfter[k];
            System.arraycopy(massCreatedAfter[k + 1], 0, after, 0, after.length);
            after[genreMass.length] += item.popularity();
            forEachGenre(item, g -> after[g] += item.popularity());
        }
    }

    /**
     * Expected choices of any of {@code items} (catalog indices) by the user in [from, until).
     *
     * @param had the catalog indices the user interacted with before {@code from}, the same on every call for a user
     */
    public synchronized double expectedChoices(int userIndex, int[] items, int[] had, long from, long until) {
        UserState user = users.computeIfAbsent(userIndex, u -> state(u, had));
        UserProfile profile = user.profile();
        long start = Math.max(from, profile.activeFrom());
        long end = Math.min(until, profile.activeUntil());
        long span = profile.activeUntil() - profile.activeFrom();
        if (end <= start || span <= 0) {
            return 0;
        }
        double choices = profile.plannedTouches() * (double) (end - start) / span;
        long t = start + (end - start) / 2;
        double repeats = 0;
        for (int item : items) {
            repeats += Arrays.binarySearch(user.had(), item) >= 0 ? 1 : 0;
        }
        double repeatShare = user.had().length > 0 ? InteractionSimulator.REPEAT_SHARE : 0;
        return choices * (repeatShare * repeats / Math.max(1, user.had().length)
                + (1 - repeatShare) * newChoiceShare(user, items, t));
    }

    /**
     * The share of new choices (not repeats) that fall on {@code items}: each draw takes a franchise's
     * next part, a popular item or one of a liked genre, and draws again when it finds an item the user
     * had, so the chance is the draws' mass on the items over their mass on anything new.
     */
    private double newChoiceShare(UserState user, int[] items, long t) {
        UserProfile profile = user.profile();
        int[] followed = profile.franchises();
        double franchiseShare = followed.length > 0 ? InteractionSimulator.FRANCHISE_SHARE : 0;
        double tasteShare = 1 - franchiseShare - profile.exploration();
        double onItems = 0;
        double onNew = 0;
        for (int franchise : followed) {
            int next = nextPart(franchise, user.had(), t);
            double share = franchiseShare / followed.length;
            onNew += next >= 0 ? share : 0;
            onItems += next >= 0 && contains(items, next) ? share : 0;
        }
        // items not yet released are drawn and put back, as items the user had are
        double[] unreleased = massCreatedAfter[releasedCount(t)];
        onNew += profile.exploration() * (totalMass - user.hadMass() - unreleased[genreMass.length]) / totalMass;
        double[] tasteOnGenre = new double[genreMass.length];
        for (int g = 0; g < genreMass.length; g++) {
            if (genreMass[g] > 0) {
                tasteOnGenre[g] = tasteShare * profile.taste(g, t) / genreMass[g];
                onNew += tasteOnGenre[g] * (genreMass[g] - user.hadGenreMass()[g] - unreleased[g]);
            }
        }
        for (int index : items) {
            if (Arrays.binarySearch(user.had(), index) < 0 && catalog.releasedBy(index, t)) {
                Item item = catalog.item(index);
                onItems += item.popularity() * (profile.exploration() / totalMass + sumOverGenres(item, tasteOnGenre));
            }
        }
        return onNew > 0 ? onItems / onNew : 0;
    }

    /** How many items exist at time t. */
    private int releasedCount(long t) {
        int k = Arrays.binarySearch(creationTimes, t);
        if (k < 0) {
            return -k - 1;
        }
        while (k + 1 < creationTimes.length && creationTimes[k + 1] == t) {
            k++;
        }
        return k + 1;
    }

    private UserState state(int userIndex, int[] had) {
        int[] sorted = Arrays.stream(had).sorted().distinct().toArray();
        double[] hadGenreMass = new double[genreMass.length];
        double hadMass = 0;
        for (int index : sorted) {
            Item item = catalog.item(index);
            hadMass += item.popularity();
            forEachGenre(item, g -> hadGenreMass[g] += item.popularity());
        }
        return new UserState(population.profile(userIndex), sorted, hadGenreMass, hadMass);
    }

    private int nextPart(int franchise, int[] had, long t) {
        for (int item : catalog.franchise(franchise)) {
            if (Arrays.binarySearch(had, item) < 0 && catalog.releasedBy(item, t)) {
                return item;
            }
        }
        return -1;
    }

    private static boolean contains(int[] items, int item) {
        for (int i : items) {
            if (i == item) {
                return true;
            }
        }
        return false;
    }

    private static double sumOverGenres(Item item, double[] byGenre) {
        double sum = 0;
        for (long genres = item.genreMask(); genres != 0; genres &= genres - 1) {
            sum += byGenre[Long.numberOfTrailingZeros(genres)];
        }
        return sum;
    }

    private static void forEachGenre(Item item, IntConsumer action) {
        for (long genres = item.genreMask(); genres != 0; genres &= genres - 1) {
            action.accept(Long.numberOfTrailingZeros(genres));
        }
    }
}
