package io.contextualtargeting.workflow.cleanup;

import java.util.List;

/**
 * What a clean-up deleted, by ARN, in the order it deleted them, and the schemas it kept because
 * datasets of other dataset groups still use them. {@code datasetGroupArn} null: no dataset group
 * had the name, nothing was deleted.
 */
public record CleanupReport(String datasetGroup, String datasetGroupArn, List<String> deleted, List<String> keptSchemas) {
    public CleanupReport {
        deleted = deleted == null ? List.of() : List.copyOf(deleted);
        keptSchemas = keptSchemas == null ? List.of() : List.copyOf(keptSchemas);
    }
}
