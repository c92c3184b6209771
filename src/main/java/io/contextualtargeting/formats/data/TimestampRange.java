package io.contextualtargeting.formats.data;

import java.time.Clock;
import java.time.Instant;

/**
 * The TIMESTAMP values Personalize can learn from: whole seconds since 1970, from 1990-01-01 to one
 * day after now. A value in milliseconds, a row from the future or from before 1990 is a unit or
 * clock mistake that would silently turn the history into one moment; it stops the read instead.
 * "Now" comes from the clock given, so checks are deterministic in tests.
 */
public final class TimestampRange {
    /** 1990-01-01T00:00:00Z. */
    static final long EARLIEST = 631_152_000L;
    /** Seconds past this (year 5138) only make sense as milliseconds or finer. */
    static final long MILLISECONDS_FROM = 100_000_000_000L;
    private static final long MICROSECONDS_FROM = MILLISECONDS_FROM * 1000;
    private static final long ONE_DAY = 86_400L;
    private static final String UNIT = "Personalize needs whole seconds since 1970";

    private final long latest;

    public TimestampRange(Clock clock) {
        this.latest = clock.instant().getEpochSecond() + ONE_DAY;
    }

    /** Fails with the record's file, line and field unless {@code seconds} is in the range. */
    void check(CsvRecord record, String field, long seconds) {
        if (seconds >= MICROSECONDS_FROM) {
            throw record.error(field, seconds + " looks like microseconds or nanoseconds; " + UNIT
                    + " (divide by 1000000 or 1000000000)");
        }
        if (seconds >= MILLISECONDS_FROM) {
            throw record.error(field, seconds + " looks like milliseconds; " + UNIT + " (divide by 1000)");
        }
        if (seconds > latest) {
            throw record.error(field, seconds + " is " + Instant.ofEpochSecond(seconds) + ", more than one day after now ("
                    + Instant.ofEpochSecond(latest - ONE_DAY) + "); " + UNIT + ": check the unit and the clock that wrote it");
        }
        if (seconds < EARLIEST) {
            throw record.error(field, seconds + " is " + Instant.ofEpochSecond(seconds) + ", before 1990-01-01; " + UNIT
                    + ": check the unit and the clock that wrote it");
        }
    }
}
