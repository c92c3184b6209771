package io.contextualtargeting.engine.model;

import io.contextualtargeting.formats.ParameterException;
import io.contextualtargeting.formats.data.TrainingData;
import java.util.List;
import java.util.Map;

/**
 * How much one interaction row counts. The weight of a row is the product of: the weight of its
 * EVENT_TYPE ({@code eventTypeWeights}, types not listed weigh {@code otherEventTypeWeight}); its
 * EVENT_VALUE when {@code useEventValue} is set (rows without a value count 1); and
 * {@code 0.5^(age / recencyHalfLifeDays)} when a half-life is set, where age is measured from the
 * newest interaction of the data, never from the wall clock. Rows whose EVENT_VALUE is below
 * {@code minEventValue} (Personalize's eventValueThreshold) or below their type's
 * {@code eventTypeMinValues} (the eventValueThreshold of Personalize's eventParametersList) are left out. A user-item pair's weight
 * is the sum over its rows (repeats count), and its confidence is {@code 1 + alpha * weight}.
 */
public record ConfidenceWeighting(Map<String, Float> eventTypeWeights, float otherEventTypeWeight,
                                  boolean useEventValue, float minEventValue, Map<String, Float> eventTypeMinValues,
                                  double recencyHalfLifeDays) {
    private static final double SECONDS_PER_DAY = 86_400;

    public ConfidenceWeighting {
        eventTypeWeights = Map.copyOf(eventTypeWeights);
        eventTypeMinValues = Map.copyOf(eventTypeMinValues);
        if (recencyHalfLifeDays < 0 || !Double.isFinite(recencyHalfLifeDays)) {
            throw new ParameterException("recencyHalfLifeDays", "must be 0 (off) or positive");
        }
    }

    /** Every row counts 1: event types, values and age are ignored. */
    public static ConfidenceWeighting uniform() {
        return new ConfidenceWeighting(Map.of(), 1f, false, Float.NEGATIVE_INFINITY, Map.of(), 0);
    }

    public ConfidenceWeighting withRecencyHalfLifeDays(double days) {
        return new ConfidenceWeighting(eventTypeWeights, otherEventTypeWeight, useEventValue, minEventValue, eventTypeMinValues, days);
    }

    public ConfidenceWeighting withEventValues(boolean use) {
        return new ConfidenceWeighting(eventTypeWeights, otherEventTypeWeight, use, minEventValue, eventTypeMinValues, recencyHalfLifeDays);
    }

    public ConfidenceWeighting withEventTypeWeights(Map<String, Float> weights, float otherWeight) {
        return new ConfidenceWeighting(weights, otherWeight, useEventValue, minEventValue, eventTypeMinValues, recencyHalfLifeDays);
    }

    public ConfidenceWeighting withMinEventValue(float threshold) {
        return new ConfidenceWeighting(eventTypeWeights, otherEventTypeWeight, useEventValue, threshold, eventTypeMinValues,
                recencyHalfLifeDays);
    }

    /** Rows of a listed EVENT_TYPE whose EVENT_VALUE is below the type's threshold are left out. */
    public ConfidenceWeighting withEventTypeMinValues(Map<String, Float> thresholds) {
        return new ConfidenceWeighting(eventTypeWeights, otherEventTypeWeight, useEventValue, minEventValue, thresholds,
                recencyHalfLifeDays);
    }

    /** The weight of every interaction row of {@code data}; 0 for rows that are left out. */
    public float[] weights(TrainingData data) {
        int n = data.interactionCount();
        float[] typeWeight = perType(data.eventTypes(), eventTypeWeights, otherEventTypeWeight);
        float[] typeMinValue = perType(data.eventTypes(), eventTypeMinValues, Float.NEGATIVE_INFINITY);
        long newest = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            newest = Math.max(newest, data.timestamp(i));
        }
        double decayPerSecond = recencyHalfLifeDays > 0 ? Math.log(2) / (recencyHalfLifeDays * SECONDS_PER_DAY) : 0;
        float[] weights = new float[n];
        for (int i = 0; i < n; i++) {
            float value = data.eventValue(i);
            if (!Float.isNaN(value) && (value < minEventValue || data.hasEventTypes() && value < typeMinValue[data.eventType(i)])) {
                continue;
            }
            double w = data.hasEventTypes() ? typeWeight[data.eventType(i)] : 1;
            if (useEventValue && !Float.isNaN(value)) {
                w *= value;
            }
            if (decayPerSecond > 0) {
                w *= Math.exp(-decayPerSecond * (newest - data.timestamp(i)));
            }
            weights[i] = (float) Math.max(0, w);
        }
        return weights;
    }

    private static float[] perType(List<String> types, Map<String, Float> byType, float other) {
        float[] values = new float[types.size()];
        for (int t = 0; t < values.length; t++) {
            values[t] = byType.getOrDefault(types.get(t), other);
        }
        return values;
    }
}
