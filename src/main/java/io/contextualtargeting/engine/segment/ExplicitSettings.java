package io.contextualtargeting.engine.segment;

import io.contextualtargeting.formats.ParameterException;
import java.util.OptionalDouble;

/**
 * Engine settings a user fixed explicitly (CLI options, the training config); every setting left
 * empty is chosen from the data by validation.
 *
 * @param recencyHalfLifeDays how fast old interactions fade when tastes are learnt (0 = never)
 * @param activityHalfLifeDays how fast old interactions fade when "who is active now" is estimated (0 = never)
 */
public record ExplicitSettings(OptionalDouble recencyHalfLifeDays, OptionalDouble activityHalfLifeDays) {

    public ExplicitSettings {
        requireHalfLife("recencyHalfLifeDays", recencyHalfLifeDays);
        requireHalfLife("activityHalfLifeDays", activityHalfLifeDays);
    }

    /** Nothing fixed: everything is chosen from the data. */
    public static ExplicitSettings none() {
        return new ExplicitSettings(OptionalDouble.empty(), OptionalDouble.empty());
    }

    private static void requireHalfLife(String name, OptionalDouble days) {
        if (days.isPresent() && !(days.getAsDouble() >= 0 && Double.isFinite(days.getAsDouble()))) {
            throw new ParameterException(name, "must be 0 (no decay) or a positive number of days, got " + days.getAsDouble());
        }
    }
}
