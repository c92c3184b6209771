package io.contextualtargeting.workflow.cleanup;

import java.util.regex.Pattern;

/** The input of the clean-up workflow: {@code {"datasetGroup": "bingewatch"}}. */
public record CleanupRequest(String datasetGroup) {
    /** Personalize's rule for resource names. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9\\-_]{0,62}");

    /** The dataset group's name, checked as Personalize checks names. */
    public String validDatasetGroup() {
        if (datasetGroup == null || datasetGroup.isBlank()) {
            throw new InvalidCleanupRequestException("is missing: start the clean-up with the input "
                    + "{\"datasetGroup\": \"<name of the dataset group>\"}, the name given in the training config");
        }
        if (!NAME.matcher(datasetGroup).matches()) {
            throw new InvalidCleanupRequestException("'" + datasetGroup + "' is not a dataset group name (1 to 63 "
                    + "letters, digits, - and _, starting with a letter or digit)");
        }
        return datasetGroup;
    }
}
