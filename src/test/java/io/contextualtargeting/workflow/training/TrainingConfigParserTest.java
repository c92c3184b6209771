package io.contextualtargeting.workflow.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contextualtargeting.formats.InputException;
import io.contextualtargeting.ports.SegmentationService.DatasetType;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingConfigParserTest {
    private final TrainingConfigParser parser = new TrainingConfigParser();

    /** An items schema written as a JSON string, as some MLOps configs have it. */
    private static final String ITEMS_SCHEMA = "{\"type\": \"record\", \"fields\": [{\"name\": \"ITEM_ID\", \"type\": \"string\"}]}";

    static String config(String groupName, String recipe, String numResults) {
        return config(groupName, recipe, numResults, true);
    }

    static String config(String groupName, String recipe, String numResults, boolean withItems) {
        String items = withItems ? """
                    ,"items": {
                      "dataset": {"serviceConfig": {"name": "bw-items"}},
                      "schema": {"serviceConfig": {"name": "bw-items-schema", "schema": "%s"}}
                    }
                """.formatted(ITEMS_SCHEMA.replace("\"", "\\\"")) : "";
        return """
                {
                  "datasetGroup": {"serviceConfig": {"name": "%s"}},
                  "datasets": {
                    "interactions": {
                      "dataset": {"serviceConfig": {"name": "bw-interactions"}},
                      "schema": {"serviceConfig": {"name": "bw-interactions-schema",
                        "schema": {"type": "record", "name": "Interactions", "fields": [{"name": "USER_ID", "type": "string"},
                          {"name": "ITEM_ID", "type": "string"}, {"name": "TIMESTAMP", "type": "long"}]}}}
                    }
                %s  },
                  "solutions": [
                    {
                      "serviceConfig": {"name": "bw-solution", "recipeArn": "%s"},
                      "batchSegmentJobs": [{"serviceConfig": {"numResults": %s}}]
                    }
                  ]
                }
                """.formatted(groupName, items, recipe, numResults);
    }

    @Test
    void readsAValidConfig() {
        TrainingConfig config = parser.parse("train/bw/config.json", config("bingewatch", Recipes.ITEM_ATTRIBUTE_AFFINITY, "50"));

        assertThat(config.datasetGroupName()).isEqualTo("bingewatch");
        assertThat(config.datasets()).containsOnlyKeys(DatasetType.INTERACTIONS, DatasetType.ITEMS);
        assertThat(config.datasets().get(DatasetType.INTERACTIONS).schema()).contains("\"USER_ID\"");
        assertThat(config.datasets().get(DatasetType.ITEMS).schema()).isEqualTo(ITEMS_SCHEMA);
        assertThat(config.solutions()).singleElement().satisfies(s -> {
            assertThat(s.isAttributeAffinity()).isTrue();
            assertThat(s.batchSegmentJobs()).containsExactly(new TrainingConfig.BatchSegmentJobConfig(50, null));
        });
    }

    @Test
    void reportsEveryProblemWithItsLineAndField() {
        String text = config("x".repeat(64), "arn:aws:personalize:::recipe/aws-user-personalization", "0");

        assertThatThrownBy(() -> parser.parse("train/bw/config.json", text))
                .isInstanceOfSatisfying(InvalidTrainingConfigException.class, e -> {
                    assertThat(e.problems()).extracting(InputException::field).containsExactly(
                            "datasetGroup.serviceConfig.name",
                            "solutions[0].serviceConfig.recipeArn",
                            "solutions[0].batchSegmentJobs[0].serviceConfig.numResults");
                    assertThat(e.problems()).extracting(InputException::line).containsExactly(2L, 17L, 18L);
                    assertThat(e.getMessage()).startsWith("train/bw/config.json: 3 problems:")
                            .contains("has 64 characters; Personalize allows at most 63")
                            .contains("is not a user-segmentation recipe")
                            .contains("not a whole number from 1 to 5000000");
                });
    }

    @Test
    void invalidJsonNamesTheLine() {
        assertThatThrownBy(() -> parser.parse("c.json", "{\n  \"datasetGroup\": {,\n}"))
                .isInstanceOf(InvalidTrainingConfigException.class)
                .hasMessageStartingWith("c.json, line 2, field datasetGroup: not valid JSON");
    }

    @Test
    void aSchemaProblemIsNamedByItsPathAndLineInTheConfig() {
        String text = config("bw", Recipes.ITEM_AFFINITY, "5").replace("\"name\": \"TIMESTAMP\", \"type\": \"long\"",
                "\"name\": \"TIMESTAMP\", \"type\": \"date\"");

        assertThatThrownBy(() -> parser.parse("c.json", text))
                .isInstanceOfSatisfying(InvalidTrainingConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.field()).isEqualTo("datasets.interactions.schema.serviceConfig.schema.fields[2]");
                            assertThat(p.line()).isEqualTo(8);
                            assertThat(p.problem()).contains("type \"date\" is not one of");
                        }));
    }

    @Test
    void aSchemaWithoutARequiredFieldNamesItsFields() {
        String text = config("bw", Recipes.ITEM_AFFINITY, "5").replace(", {\"name\": \"TIMESTAMP\", \"type\": \"long\"}", "");

        assertThatThrownBy(() -> parser.parse("c.json", text))
                .isInstanceOfSatisfying(InvalidTrainingConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.field()).isEqualTo("datasets.interactions.schema.serviceConfig.schema.fields");
                            assertThat(p.problem()).isEqualTo("the interactions schema needs a non-null field TIMESTAMP of type long");
                        }));
    }

    @Test
    void hyperparametersAreCheckedBeforeAnythingIsCreated() {
        String text = config("bw", Recipes.ITEM_AFFINITY, "5").replace("\"recipeArn\": \"" + Recipes.ITEM_AFFINITY + "\"",
                "\"recipeArn\": \"" + Recipes.ITEM_AFFINITY + "\", \"solutionConfig\": {\"algorithmHyperParameters\": {\"hidden_dimension\": \"16\"}}");

        assertThatThrownBy(() -> parser.parse("c.json", text))
                .isInstanceOfSatisfying(InvalidTrainingConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.field()).isEqualTo("solutions[0].serviceConfig.solutionConfig.algorithmHyperParameters.hidden_dimension");
                            assertThat(p.problem()).contains("between 32 and 256");
                        }));
    }

    @Test
    void missingSectionsAreNamed() {
        assertThatThrownBy(() -> parser.parse("c.json", "{}"))
                .isInstanceOfSatisfying(InvalidTrainingConfigException.class, e -> assertThat(e.problems())
                        .extracting(InputException::field)
                        .containsExactly("datasetGroup.serviceConfig.name", "datasets", "solutions"));
    }

    @Test
    void attributeAffinityNeedsAnItemsDataset() {
        String text = config("bw", Recipes.ITEM_ATTRIBUTE_AFFINITY, "5", false);

        assertThatThrownBy(() -> parser.parse("c.json", text)).hasMessageContaining("needs an items dataset");
    }

    @Test
    void invalidNamesAreRejected() {
        for (String bad : List.of("-leading-dash", "has space", "dot.ted")) {
            assertThatThrownBy(() -> parser.parse("c.json", config(bad, Recipes.ITEM_AFFINITY, "5")))
                    .as(bad).hasMessageContaining("is not a valid name");
        }
    }
}
