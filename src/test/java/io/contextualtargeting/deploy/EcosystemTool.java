package io.contextualtargeting.deploy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A command-line tool of the AWS ecosystem installed on the build machine (cfn-lint, python3 with
 * samtranslator and botocore, moto_server), found on PATH. Outside CI a missing tool skips the
 * check that needs it; in CI (environment variable {@code CI=true}) it fails the check, since
 * every build machine of this kind has it.
 */
record EcosystemTool(String name, Path executable) {

    /** The tool, or an aborted (local) or failed (CI) test that says what to install. */
    static EcosystemTool require(String name, String installHint) {
        Path found = onPath(name);
        if (found == null) {
            missing(name + " is not on PATH (" + installHint + ")");
        }
        return new EcosystemTool(name, found);
    }

    /** python3 with this module importable, or an aborted (local) or failed (CI) test. */
    static EcosystemTool requirePython(String module, String installHint) {
        EcosystemTool python = require("python3", installHint);
        Output imported = python.run(List.of("-c", "import " + module), Map.of(), Duration.ofSeconds(60));
        if (imported.exitCode() != 0) {
            missing("python3 cannot import " + module + " (" + installHint + "): " + imported.stderr().strip());
        }
        return python;
    }

    private static void missing(String message) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message + ": CI machines must have it");
        }
        Assumptions.abort(message + "; skipped outside CI");
    }

    static Path onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst().orElse(null);
    }

    /** Runs the tool with these arguments and extra environment, killing it after the time limit. */
    Output run(List<String> arguments, Map<String, String> environment, Duration limit) {
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(Repository.ROOT.toFile());
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String stdout = readAll(process.getInputStream());
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(name + " did not finish within " + limit + ": " + command);
            }
            return new Output(process.exitValue(), stdout, stderr.join());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + name, e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the tool printed and its exit code. */
    record Output(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n" + stdout + (stderr.isBlank() ? "" : "\nstderr:\n" + stderr);
        }
    }
}
