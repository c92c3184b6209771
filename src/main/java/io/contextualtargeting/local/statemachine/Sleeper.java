package io.contextualtargeting.local.statemachine;

import java.time.Duration;

/** Waits for Wait states and Retry intervals; the local runner shortens them, tests record them. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps {@code factor} times the requested duration (0: does not sleep at all). */
    static Sleeper scaled(double factor) {
        if (factor < 0) {
            throw new IllegalArgumentException("the wait scale must not be negative, got " + factor);
        }
        return duration -> {
            long millis = (long) (duration.toMillis() * factor);
            if (millis > 0) {
                Thread.sleep(millis);
            }
        };
    }
}
