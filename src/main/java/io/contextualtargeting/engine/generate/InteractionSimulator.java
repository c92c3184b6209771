package io.contextualtargeting.engine.generate;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Plays one user's history: sessions of a few items at evening-weighted times inside the user's
 * window; each choice follows a franchise, overall popularity or the user's current taste; what is
 * recorded (how much of an item is watched or whether it is only clicked; the stars of a rating;
 * whether a view ends in a purchase) depends on how well the item fits that taste.
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
    /** Stars are 1 + floor(5 x (RATING_FLOOR + (1 - RATING_FLOOR) x like + RATING_NOISE x N(0,1))), clipped to 1-5. */
    static final double RATING_FLOOR = 0.2;
    static final double RATING_NOISE = 0.15;
    /** A view is also a purchase with probability PURCHASE_SHARE x like^2 (shops). */
    static final double PURCHASE_SHARE = 0.35;
    /** Prices (shops) run from MIN_PRICE to MIN_PRICE + PRICE_SPREAD hundredths. */
    private static final int MIN_PRICE = 199;
    private static final int PRICE_SPREAD = 19_800;
    /** Taste match at which an item is liked half-way (see like()). */
    private static final double HALF_LIKE_MATCH = 0.15;
    private static final long MIN_GAP = 20 * 60;
    private static final int GAP_SPREAD = 100 * 60;
    /** Relative chance that a session starts in each hour of the day (UTC): evenings dominate. */
    private static final double[] HOUR_WEIGHTS = {
            3, 2, 1, 0.5, 0.3, 0.3, 0.5, 1, 1, 1, 1.2, 1.5, 2, 2, 2, 2, 2.5, 3, 4.5, 6, 7, 7, 6, 4.5};

    private final Catalog catalog;
    private final WorldShape.EventStyle events;
    private final BitSet seen;
    private final AliasTable hours = new AliasTable(HOUR_WEIGHTS);
    private long[] times = new long[64];
    /** The current user's tastes, as tables: a genre is drawn per choice. */
    private AliasTable tasteAtStart;
    private AliasTable tasteAtEnd;

    InteractionSimulator(Catalog catalog, WorldShape.EventStyle events) {
        this.catalog = catalog;
        this.events = events;
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
        switch (events) {
            case RATING -> rate(itemIndex, like, t, random, out);
            case SHOP -> shop(itemIndex, like, t, random, out);
            default -> watch(itemIndex, like, t, random, out);
        }
    }

    private static void watch(int itemIndex, double like, long t, RandomStream random, UserEvents out) {
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

    /**
     * Stars 1-5 from how much the item is liked, with noise: choices that fit the taste get 4-5,
     * popular picks outside it 1-2, so a low rating says little about what the user comes back for.
     */
    private static void rate(int itemIndex, double like, long t, RandomStream random, UserEvents out) {
        double score = RATING_FLOOR + (1 - RATING_FLOOR) * like + RATING_NOISE * random.gaussian();
        int stars = (int) Math.max(1, Math.min(5, 1 + Math.floor(5 * score)));
        out.add(t, itemIndex, UserEvents.RATING, 100 * stars);
    }

    /** Every choice is a view; well-liked ones sometimes a purchase too, in the same second. */
    private static void shop(int itemIndex, double like, long t, RandomStream random, UserEvents out) {
        int price = price(itemIndex);
        out.add(t, itemIndex, UserEvents.VIEW, price);
        if (random.chance(PURCHASE_SHARE * like * like)) {
            out.add(t, itemIndex, UserEvents.PURCHASE, price);
        }
    }

    /** A fixed price per item in hundredths, 1.99 to 199.99, spread cheap items commoner, by a hash of the item. */
    private static int price(int itemIndex) {
        double u = (RandomStream.mix(itemIndex + 1L) >>> 11) * 0x1.0p-53;
        return MIN_PRICE + (int) (PRICE_SPREAD * u * u * u);
    }

    /** 0..1: how well the item fits the user's taste at time t; followed franchises fit well. */
    private static double like(UserProfile user, Item item, long t) {
        double match = 0;
        for (long genres = item.genreMask(); genres != 0; genres &= genres - 1) {
            match += user.taste(Long.numberOfTrailingZeros(genres), t);
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
