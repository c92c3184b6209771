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
    void jsonSummaryIsAloneOnStdoutAndProgressOnStderr() throws Exception {
        new DatasetGenerator().generate(GeneratorSettings.of(200, 100, 5).withInteractionsPerUser(15), dir.resolve("data"));
        Path work = dir.resolve("work");

        int code = run("run", "--data", dir.resolve("data").toString(), "--work", work.toString(), "--json");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
        JsonNode summary = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
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
        String progress = err.toString(StandardCharsets.UTF_8);
        assertThat(progress).contains("ValidateTrainingConfig", "CreateSolution waiting: ", "Segments:")
                .doesNotContain("failed: io.contextualtargeting.workflow.ResourcePendingException")
                .contains("java -jar target/contextual-targeting-local.jar executions --work " + work);
        assertThat(progress.lines().filter(l -> l.contains("CreateSolution waiting")))
                .as("one line per solution").hasSize(summary.get("executions").size() - 1);
        try (var emails = Files.list(work.resolve("outbox"))) {
            assertThat(Files.readString(emails.sorted().findFirst().orElseThrow()))
                    .contains("local.jar execution ").contains(" --work " + work);
        }
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
    void aMissingDataFolderIsAUsageError() {
        int code = run("run", "--data", dir.resolve("nothing").toString(), "--work", dir.resolve("work").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: Invalid value for option '--data': no such folder ")
                .contains("nothing");
        assertThat(dir.resolve("work")).doesNotExist();
    }

    @Test
    void aDataFolderWithoutItsSubfoldersIsAClearError() throws Exception {
        Files.createDirectories(dir.resolve("empty"));

        int code = run("run", "--data", dir.resolve("empty").toString(), "--work", dir.resolve("work").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: ").contains("empty/pinpoint: no such folder");
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
