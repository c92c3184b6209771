package io.contextualtargeting.formats;

import java.util.Map;
import java.util.OptionalInt;

/** The algorithmHyperParameters the user segmentation recipes take, checked as Personalize checks them. */
public final class PersonalizeHyperparameters {
    private PersonalizeHyperparameters() {
    }

    /**
     * {@code hidden_dimension} (32 to 256), when given; other names are not hyperparameters of the
     * user segmentation recipes and are rejected.
     */
    public static OptionalInt hiddenDimension(Map<String, String> hyperparameters) {
        OptionalInt result = OptionalInt.empty();
        for (Map.Entry<String, String> entry : hyperparameters.entrySet()) {
            if (!entry.getKey().equals("hidden_dimension")) {
                throw new ParameterException(entry.getKey(),
                        "unknown hyperparameter; the user segmentation recipes take hidden_dimension only");
            }
            int value;
            try {
                value = Integer.parseInt(entry.getValue().trim());
            } catch (NumberFormatException e) {
                throw new ParameterException("hidden_dimension", "must be a whole number, got '" + entry.getValue() + "'");
            }
            if (value < 32 || value > 256) {
                throw new ParameterException("hidden_dimension", "must be between 32 and 256, got " + value);
            }
            result = OptionalInt.of(value);
        }
        return result;
    }
}
