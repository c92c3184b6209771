package io.contextualtargeting.engine.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The time span the interactions cover, in epoch seconds [start, end). The end is a midnight UTC
 * derived from the seed (never the wall clock), between 2021-01-01 and 2024-12-31.
 */
public record Period(long start, long end) {
    private static final LocalDate EARLIEST_END = LocalDate.of(2021, 1, 1);
    private static final int END_DAYS_SPAN = 4 * 365;
    static final long DAY = 86_400;

    /** The period of {@code days} days ending on the seed's day. */
    public static Period forSeed(long seed, int days) {
        RandomStream random = RandomStream.of(seed, RandomStream.Purpose.PERIOD, 0);
        LocalDate endDay = EARLIEST_END.plusDays(random.nextInt(END_DAYS_SPAN));
        long end = endDay.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        return new Period(end - days * DAY, end);
    }

    public long length() {
        return end - start;
    }

    static int yearOf(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).atZone(ZoneOffset.UTC).getYear();
    }

    static long startOfYear(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }
}
