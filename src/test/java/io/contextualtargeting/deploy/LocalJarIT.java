package io.contextualtargeting.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded target/contextual-targeting-local.jar as the README runs it ({@code java -jar}): its
 * command line library is inside, help, version and a usage error behave as built, and {@code run}
 * takes the sample data through every workflow.
 */
class LocalJarIT {
    private static final Path JAR = Path.of("target", "contextual-targeting-local.jar");

    private record Result(int exit, String out, String err) {
    }

    private static Result javaJar(String... args) throws IOException, InterruptedException {
        return javaJar(60, args);
    }

    private static Result javaJar(int timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("local-jar", ".out");
        Path err = Files.createTempFile("local-jar", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(process.waitFor(timeoutSeconds, TimeUnit.SECONDS)).as("finished").isTrue();
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() throws Exception {
        Result help = javaJar("--help");

        assertThat(help.exit()).as(help.err()).isZero();
        assertThat(help.out()).contains("Usage: contextual-targeting-local.jar", "run", "segment", "evaluate", "generate",
                "executions", "execution", "benchmark", "Exit codes:");
        assertThat(help.err()).isEmpty();
    }

    @Test
    void everyCommandHasHelp() throws Exception {
        for (String command : List.of("run", "segment", "evaluate", "generate", "executions", "execution", "benchmark")) {
            Result help = javaJar(command, "--help");

            assertThat(help.exit()).as(command + ": " + help.err()).isZero();
            assertThat(help.out()).contains("Usage: contextual-targeting-local.jar " + command);
        }
    }

    @Test
    void versionIsTheBuiltVersion() throws Exception {
        Result version = javaJar("--version");

        assertThat(version.exit()).isZero();
        assertThat(version.out()).matches("contextual-targeting \\d+\\.\\d+\\.\\d+\\S*\\R");
    }

    @Test
    void aMistypedOptionIsAUsageErrorWithASuggestion() throws Exception {
        Result typo = javaJar("run", "--segment-file-from", "Id");

        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).startsWith("error: unknown option '--segment-file-from'; did you mean --segment-file-form?");
        assertThat(typo.out()).isEmpty();
    }

    @Test
    void runTakesTheSampleDataThroughEveryWorkflowWithJsonAloneOnStdout(@TempDir Path work) throws Exception {
        Result run = javaJar(300, "run", "--data", "data", "--work", work.toString(), "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(run.out());
        assertThat(summary.path("executions")).isNotEmpty()
                .allSatisfy(execution -> assertThat(execution.path("status").asText()).isEqualTo("SUCCEEDED"));
        assertThat(summary.path("segments")).isNotEmpty()
                .allSatisfy(segment -> assertThat(segment.path("usersWritten").asLong()).isEqualTo(segment.path("users").asLong()));
    }
}
