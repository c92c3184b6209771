package io.contextualtargeting.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.engine.PlantedTastes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void writesOneOutputLinePerQueryWithAnErrorLineForAnUnknownItemAndExitsWithOne() throws IOException {
        writeData();
        Files.writeString(dir.resolve("job_config.json"), """
                {"itemId": "a1"}
                {"itemId": "missing"}
                {"itemAttributes": "ITEMS.GENRES = \\"Drama\\""}
                """);

        int exit = run("--queries", file("job_config.json"), "--num-results", "4", "--out", file("out/job_config.json.out"));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("error: 1 of 3 query lines failed; their lines in "
                + file("out/job_config.json.out") + " hold the error" + System.lineSeparator());
        List<String> lines = Files.readAllLines(dir.resolve("out/job_config.json.out"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("{\"input\": {\"itemId\": \"a1\"}, \"output\": {\"usersList\": [\"auser");
        assertThat(lines.get(1)).contains("\"output\": null, \"error\": \"item 'missing' is not in the training data\"");
        assertThat(lines.get(2)).contains("\"usersList\": [\"duser");
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("read 240 interactions: 40 users, 20 items")
                .contains("answered 2 of 3 queries")
                .contains("line 2 failed: item 'missing' is not in the training data")
                .doesNotContain("auser");
    }

    @Test
    void allQueriesAnsweredExitsWithZero() throws IOException {
        writeData();
        Files.writeString(dir.resolve("job_config.json"), "{\"itemId\": \"a1\"}\n");

        assertThat(run("--queries", file("job_config.json"), "--num-results", "4", "--out", file("out.json"))).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void theChosenSettingsArePrintedAndWrittenNextToTheOutput() throws IOException {
        writeData();
        Files.writeString(dir.resolve("job_config.json"), "{\"itemId\": \"a1\"}\n");

        run("--queries", file("job_config.json"), "--num-results", "4", "--out", file("out.json"));

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("settings chosen from the data, not validated: 40 users")
                .contains("item queries: model");
        String json = Files.readString(dir.resolve("out.json.settings.json"));
        com.fasterxml.jackson.databind.JsonNode settings = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertThat(settings.path("choices").path("item").path("modelWeight").isNumber()).as(json).isTrue();
        assertThat(settings.path("alpha").asDouble()).as(json).isEqualTo(10);
    }

    @Test
    void badDataFileExitsWithOneAndTheMessageWithoutAStackTrace() throws IOException {
        writeData();
        Files.writeString(dir.resolve("interactions.csv"), "USER_ID,ITEM_ID,TIMESTAMP\nu1,a1,yesterday\n");
        Files.writeString(dir.resolve("job_config.json"), "{\"itemId\": \"a1\"}\n");

        int exit = run("--queries", file("job_config.json"), "--num-results", "4", "--out", file("out.json"));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("error: interactions.csv, line 2, field TIMESTAMP:"
                + " 'yesterday' is not a whole number of seconds since 1970" + System.lineSeparator());
        assertThat(dir.resolve("out.json")).doesNotExist();
    }

    @Test
    void queryOverPersonalizesLimitFailsUnlessLimitsAreLifted() throws IOException {
        writeData();
        Files.writeString(dir.resolve("job_config.json"), "{\"itemAttributes\": \"ITEMS.GENRES = \\\"Drama\\\"\"}\n".repeat(11));

        assertThat(run("--queries", file("job_config.json"), "--num-results", "2", "--out", file("a.out"))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 11, field itemAttributes: more than 10");
        assertThat(run("--queries", file("job_config.json"), "--num-results", "2", "--out", file("b.out"), "--no-limits"))
                .isZero();
        assertThat(Files.readAllLines(dir.resolve("b.out"))).hasSize(11);
    }

    @Test
    void missingNumResultsIsAUsageError() throws IOException {
        writeData();
        Files.writeString(dir.resolve("job_config.json"), "{\"itemId\": \"a1\"}\n");

        assertThat(run("--queries", file("job_config.json"), "--out", file("a.out"))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: Missing required option: '--num-results=N'");
    }

    @Test
    void settingsOfTheConfigsFirstSolutionApplyAndOptionsOverrideThem() throws IOException {
        writeData();
        Files.writeString(dir.resolve("job_config.json"), "{\"itemId\": \"a1\"}\n");
        Files.writeString(dir.resolve("config.json"), """
                {"datasetGroup": {"serviceConfig": {"name": "planted"}},
                 "datasets": {"interactions": {"dataset": {"serviceConfig": {"name": "planted-interactions"}},
                   "schema": {"serviceConfig": {"name": "planted-interactions-schema", "schema": {"type": "record",
                     "name": "Interactions", "fields": [{"name": "USER_ID", "type": "string"},
                     {"name": "ITEM_ID", "type": "string"}, {"name": "TIMESTAMP", "type": "long"}]}}}}},
                 "solutions": [{"serviceConfig": {"name": "planted-affinity",
                     "recipeArn": "arn:aws:personalize:::recipe/aws-item-affinity",
                     "solutionConfig": {"algorithmHyperParameters": {"hidden_dimension": "32"}}},
                   "embeddedEngine": {"iterations": 2, "recencyHalfLifeDays": 0},
                   "batchSegmentJobs": [{"serviceConfig": {"numResults": 4}}]}]}
                """);
        List<String> args = List.of("segment", "--interactions", file("interactions.csv"), "--items", file("items.csv"),
                "--config", file("config.json"), "--queries", file("job_config.json"), "--num-results", "4",
                "--threads", "1", "--out", file("out.json"));

        assertThat(Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("trained 32 factors x 2 iterations");

        List<String> overridden = new ArrayList<>(args);
        overridden.addAll(List.of("--factors", "4", "--iterations", "3"));
        Main.run(overridden, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("trained 4 factors x 3 iterations");
    }

    @Test
    void badEventTypeWeightsAreAUsageError() throws IOException {
        writeData();
        Files.writeString(dir.resolve("job_config.json"), "{\"itemId\": \"a1\"}\n");

        assertThat(run("--queries", file("job_config.json"), "--num-results", "4", "--out", file("a.out"),
                "--event-type-weights", "purchase:3")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: option --event-type-weights expects");
    }

    private void writeData() throws IOException {
        PlantedTastes data = new PlantedTastes(20, 10, 6, 4);
        Files.writeString(dir.resolve("interactions.csv"), data.interactionsCsv);
        Files.writeString(dir.resolve("items.csv"), data.itemsCsv);
    }

    private int run(String... options) {
        List<String> args = new ArrayList<>(List.of("segment", "--interactions", file("interactions.csv"),
                "--items", file("items.csv"), "--factors", "4", "--iterations", "3", "--threads", "1"));
        args.addAll(List.of(options));
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }
}
