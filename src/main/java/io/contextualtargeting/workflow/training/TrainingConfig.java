package io.contextualtargeting.workflow.training;

import io.contextualtargeting.ports.SegmentationService.DatasetType;
import io.contextualtargeting.ports.SolutionSettings;
import java.util.List;
import java.util.Map;

/** A training config as uploaded (the MLOps pipeline's shape), after structural validation. */
public record TrainingConfig(String datasetGroupName, String domain, Map<DatasetType, DatasetConfig> datasets,
                             List<SolutionConfig> solutions) {

    /** A dataset's names and its Avro schema (JSON text). */
    public record DatasetConfig(String name, String schemaName, String schema) {
    }

    public record SolutionConfig(String name, String recipeArn, SolutionSettings settings,
                                 List<BatchSegmentJobConfig> batchSegmentJobs) {
        public boolean isAttributeAffinity() {
            return Recipes.ITEM_ATTRIBUTE_AFFINITY.equals(recipeArn);
        }
    }

    public record BatchSegmentJobConfig(int numResults, String filterArn) {
    }
}
