package io.contextualtargeting.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contextualtargeting.engine.generate.DatasetGenerator;
import io.contextualtargeting.engine.generate.GeneratorSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void jsonSummaryIsTheLastLine() throws Exception {
        new DatasetGenerator().generate(GeneratorSettings.of(200, 100, 5).withInteractionsPerUser(15), dir.resolve("data"));

        int code = run("run", "--data", dir.resolve("data").toString(), "--work", dir.resolve("work").toString(), "--json");

        assertThat(code).as(err.toString()).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        JsonNode summary = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(summary.get("segments")).isNotEmpty();
        JsonNode first = summary.get("segments").get(0);
        for (String field : List.of("name", "query", "users", "endpointsWritten", "csv")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(Path.of(first.get("csv").asText())).exists();
        assertThat(summary.get("executions")).allSatisfy(e -> {
            assertThat(e.get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(e.get("stateMachine").asText()).isNotEmpty();
        });
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("ValidateTrainingConfig"));
    }

    @Test
    void pinpointAndTheIdFormAreExplicitChoices() throws Exception {
        new DatasetGenerator().generate(GeneratorSettings.of(200, 100, 5).withInteractionsPerUser(15), dir.resolve("data"));

        int code = run("run", "--data", dir.resolve("data").toString(), "--work", dir.resolve("work").toString(),
                "--pinpoint-project-id", "create", "--segment-file-form", "Id");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("import SUCCEEDED")
                .containsPattern("\\d+ endpoints in the local Pinpoint project");
    }

    @Test
    void aMissingDataFolderIsAClearError() {
        int code = run("run", "--data", dir.resolve("nothing").toString(), "--work", dir.resolve("work").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: ").contains("nothing/pinpoint: no such folder");
    }

    @Test
    void aForeignWorkFolderIsNeverEmptied() throws Exception {
        new DatasetGenerator().generate(GeneratorSettings.of(100, 50, 5), dir.resolve("data"));
        Path precious = Files.createDirectories(dir.resolve("home")).resolve("thesis.txt");
        Files.writeString(precious, "keep me");

        int code = run("run", "--data", dir.resolve("data").toString(), "--work", dir.resolve("home").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("is not a work folder of contextual-targeting");
        assertThat(precious).hasContent("keep me");
    }
}
