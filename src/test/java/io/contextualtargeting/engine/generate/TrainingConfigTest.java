package io.contextualtargeting.engine.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingConfigTest {
    @TempDir
    static Path folder;
    private static DatasetLayout layout;
    private static JsonNode config;

    @BeforeAll
    static void generate() throws IOException {
        GeneratorSettings settings = GeneratorSettings.of(400, 100, 3).withInteractionsPerUser(10).withNumResults(37);
        layout = new DatasetGenerator().generate(settings, folder).layout();
        config = new ObjectMapper().readTree(layout.trainingConfig().toFile());
    }

    @Test
    void namesTheDatasetGroupAndItsDatasets() {
        assertThat(config.at("/datasetGroup/serviceConfig/name").asText()).isEqualTo("bingewatch");
        for (String type : List.of("interactions", "items", "users")) {
            JsonNode dataset = config.at("/datasets/" + type);
            assertThat(dataset.at("/dataset/serviceConfig/name").asText()).isEqualTo("bingewatch-" + type);
            assertThat(dataset.at("/schema/serviceConfig/name").asText()).isEqualTo("bingewatch-" + type + "-schema");
            assertThat(dataset.at("/schema/serviceConfig/schema/type").asText()).isEqualTo("record");
        }
    }

    @Test
    void hasOneSolutionPerSegmentationRecipeWithItsBatchJob() {
        JsonNode solutions = config.get("solutions");
        assertThat(solutions).hasSize(2);
        assertThat(solutions.get(0).at("/serviceConfig/name").asText()).isEqualTo("bingewatch-item-attribute-affinity");
        assertThat(solutions.get(0).at("/serviceConfig/recipeArn").asText())
                .isEqualTo("arn:aws:personalize:::recipe/aws-item-attribute-affinity");
        assertThat(solutions.get(1).at("/serviceConfig/name").asText()).isEqualTo("bingewatch-item-affinity");
        assertThat(solutions.get(1).at("/serviceConfig/recipeArn").asText())
                .isEqualTo("arn:aws:personalize:::recipe/aws-item-affinity");
        assertThat(solutions).allSatisfy(solution ->
                assertThat(solution.at("/batchSegmentJobs/0/serviceConfig/numResults").asInt()).isEqualTo(37));
    }

    @Test
    void interactionsSchemaNamesEveryColumnWithItsType() throws IOException {
        JsonNode fields = fields("interactions");
        assertThat(names(fields)).containsExactly(GeneratedDataset.header(layout.interactions()).split(","));
        assertThat(typeOf(fields, "EVENT_VALUE")).isEqualTo("float");
        assertThat(typeOf(fields, "TIMESTAMP")).isEqualTo("long");
    }

    @Test
    void itemsSchemaNamesEveryColumnAndMarksGenresCategorical() throws IOException {
        JsonNode fields = fields("items");
        assertThat(names(fields)).containsExactly(GeneratedDataset.header(layout.items()).split(","));
        JsonNode genres = field(fields, "GENRES");
        assertThat(genres.get("type").toString()).isEqualTo("[\"null\",\"string\"]");
        assertThat(genres.get("categorical").asBoolean()).isTrue();
        assertThat(field(fields, "TITLE").get("textual").asBoolean()).isTrue();
        assertThat(typeOf(fields, "RELEASE_YEAR")).isEqualTo("int");
        assertThat(typeOf(fields, "CREATION_TIMESTAMP")).isEqualTo("long");
    }

    @Test
    void usersSchemaLeavesTheEmailAddressOut() throws IOException {
        JsonNode fields = fields("users");
        assertThat(names(fields)).containsExactly("USER_ID", "GENDER", "AGE");
        assertThat(GeneratedDataset.header(layout.users()).split(",")).containsExactly("USER_ID", "GENDER", "E_MAIL", "AGE");
        assertThat(field(fields, "GENDER").get("categorical").asBoolean()).isTrue();
    }

    private static JsonNode fields(String dataset) {
        return config.at("/datasets/" + dataset + "/schema/serviceConfig/schema/fields");
    }

    private static List<String> names(JsonNode fields) {
        List<String> names = new ArrayList<>();
        fields.forEach(field -> names.add(field.get("name").asText()));
        return names;
    }

    private static JsonNode field(JsonNode fields, String name) {
        for (JsonNode field : fields) {
            if (field.get("name").asText().equals(name)) {
                return field;
            }
        }
        throw new AssertionError("no field " + name);
    }

    private static String typeOf(JsonNode fields, String name) {
        return field(fields, name).get("type").asText();
    }
}
