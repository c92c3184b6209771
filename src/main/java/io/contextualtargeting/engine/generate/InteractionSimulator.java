package io.contextualtargeting.engine.generate;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Plays one user's history: sessions of a few items at evening-weighted times inside the user's
 * window; each choice follows a franchise, overall popularity or the user's current taste; how
 * much of an item is watched (or whether it is only clicked) depends on how well it fits that taste.
 * One instance serves one thread: it keeps scratch state between users.
 */
final class InteractionSimulator {
    /** Chance that a choice re-watches something from the user's own history. */
    static final double REPEAT_SHARE = 0.02;
    /** Chance that a choice continues a followed franchise (users who follow one). */
    static final double FRANCHISE_SHARE = 0.12;
    /** Chance that a session goes on with another item (session length is geometric, mean 2.2). */
    static final double SESSION_CONTINUE = 0.55;
    /** A choice that finds only unavailable or already seen items this many times is dropped. */
    static final int MAX_DRAWS = 10;
    /** Taste match at which an item is liked half-way (see like()). */
    private static final double HALF_LIKE_MATCH = 0.15;
    private static final long MIN_GAP = 20 * 60;
    private static final int GAP_SPREAD = 100 * 60;
    /** Relative chance that a session starts in each hour of the day (UTC): evenings dominate. */
    private static final double[] HOUR_WEIGHTS = {
            3, 2, 1, 0.5, 0.3, 0.3, 0.5, 1, 1, 1, 1.2, 1.5, 2, 2, 2, 2, 2.5, 3, 4.5, 6, 7, 7, 6, 4.5};

    private final Catalog catalog;
    private final BitSet seen;
    private final AliasTable hours = new AliasTable(HOUR_WEIGHTS);
    private long[] times = new long[64];
    /** The current user's tastes, as tables: a genre is drawn per choice. */
    private AliasTable tasteAtStart;
    private AliasTable tasteAtEnd;

    InteractionSimulator(Catalog catalog) {
        this.catalog = catalog;
        this.seen = new BitSet(catalog.size());
    }

    /** Fills {@code out} with the user's interactions, in time order. */
    void simulate(UserProfile user, RandomStream random, UserEvents out) {
        out.clear();
        tasteAtStart = new AliasTable(user.tasteStart());
        tasteAtEnd = new AliasTable(user.tasteEnd());
        int planned = user.plannedTouches();
        sessionTimes(user, random, planned);
        for (int touch = 0; touch < planned; touch++) {
            long t = times[touch];
            if (out.size > 0 && random.chance(REPEAT_SHARE)) {
                emit(user, out.items[random.nextInt(out.size)], t, random, out);
                continue;
            }
            for (int draw = 0; draw < MAX_DRAWS; draw++) {
                int item = choose(user, t, random);
                if (item >= 0 && !seen.get(item) && catalog.releasedBy(item, t)) {
                    seen.set(item);
                    emit(user, item, t, random, out);
                    break;
                }
            }
        }
        for (int i = 0; i < out.size; i++) {
            seen.clear(out.items[i]);
        }
    }

    private void sessionTimes(UserProfile user, RandomStream random, int count) {
        if (times.length < count) {
            times = new long[Math.max(count, times.length * 2)];
        }
        int filled = 0;
        while (filled < count) {
            long t = sessionStart(user, random);
            do {
                times[filled++] = t;
                t += MIN_GAP + random.nextInt(GAP_SPREAD);
            } while (filled < count && t < user.activeUntil() && random.chance(SESSION_CONTINUE));
        }
        Arrays.sort(times, 0, count);
    }

    private long sessionStart(UserProfile user, RandomStream random) {
        long span = user.activeUntil() - user.activeFrom();
        long anyTime = user.activeFrom() + (long) (random.nextDouble() * span);
        long evening = Math.floorDiv(anyTime, Period.DAY) * Period.DAY
                + hours.sample(random) * 3600L + random.nextInt(3600);
        return evening >= user.activeFrom() && evening < user.activeUntil() ? evening : anyTime;
    }

    /** One candidate item, or -1 when a followed franchise has nothing left to offer. */
    private int choose(UserProfile user, long t, RandomStream random) {
        double r = random.nextDouble();
        int[] followed = user.franchises();
        double franchiseShare = followed.length > 0 ? FRANCHISE_SHARE : 0;
        if (r < franchiseShare) {
            return nextUnseenPart(followed[random.nextInt(followed.length)], t);
        }
        if (r < franchiseShare + user.exploration()) {
            return catalog.sampleByPopularity(random);
        }
        AliasTable taste = random.chance(user.progress(t)) ? tasteAtEnd : tasteAtStart;
        return catalog.sampleInGenre(taste.sample(random), random);
    }

    /** Fans watch a series in order. */
    private int nextUnseenPart(int franchise, long t) {
        for (int item : catalog.franchise(franchise)) {
            if (!seen.get(item) && catalog.releasedBy(item, t)) {
                return item;
            }
        }
        return -1;
    }

    private void emit(UserProfile user, int itemIndex, long t, RandomStream random, UserEvents out) {
        double like = like(user, catalog.item(itemIndex), t);
        if (random.chance(0.05 + 0.5 * (1 - like))) {
            out.add(t, itemIndex, UserEvents.CLICK, 0);
            return;
        }
        // Watch fractions are bimodal: finished (up to the credits) or abandoned, mostly early.
        double fraction;
        if (random.chance(0.15 + 0.7 * like)) {
            fraction = random.uniform(0.9, 1.0);
        } else {
            double u = random.nextDouble();
            fraction = 0.9 * u * u;
        }
        out.add(t, itemIndex, UserEvents.WATCH, (int) Math.max(1, Math.min(100, Math.round(fraction * 100))));
    }

    /** 0..1: how well the item fits the user's taste at time t; followed franchises fit well. */
    private static double like(UserProfile user, Item item, long t) {
        double match = 0;
        for (int genres = item.genreMask(); genres != 0; genres &= genres - 1) {
            match += user.taste(Integer.numberOfTrailingZeros(genres), t);
        }
        for (int franchise : user.franchises()) {
            if (franchise == item.franchise()) {
                match = Math.max(match, 0.8);
            }
        }
        match = Math.min(1.0, match);
        return match / (match + HALF_LIKE_MATCH);
    }
}
