package io.contextualtargeting.local.statemachine;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * What an execution takes from the outside world: time, waiting, ids and randomness. Tests inject
 * fakes so that waits, retries, execution names and States.UUID are deterministic and never sleep.
 */
public record ExecutionEnvironment(Clock clock, Sleeper sleeper, Supplier<UUID> uuids, RandomGenerator random) {

    /** The real clock; waits are scaled by {@code waitScale} (0 skips them, 1 waits as on AWS). */
    public static ExecutionEnvironment system(double waitScale) {
        return new ExecutionEnvironment(Clock.systemUTC(), Sleeper.scaled(waitScale), UUID::randomUUID,
                new java.security.SecureRandom());
    }
}
