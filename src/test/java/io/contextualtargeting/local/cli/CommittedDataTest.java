package io.contextualtargeting.local.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed data/ folder is exactly what the command in data/README.md generates. */
class CommittedDataTest {
    private static final Path DATA = Path.of("data");
    private static final String COMMAND_PREFIX = "java -jar target/contextual-targeting-local.jar ";

    @Test
    void theDocumentedCommandRegeneratesTheCommittedFilesByteForByte(@TempDir Path regenerated) throws IOException {
        List<String> args = documentedArguments();
        int out = args.indexOf("--out");
        assertThat(args.get(out + 1)).isEqualTo("data");
        args.set(out + 1, regenerated.toString());

        int exit = Main.run(args, new PrintStream(new ByteArrayOutputStream()), System.err);

        assertThat(exit).isZero();
        List<Path> generated = files(regenerated);
        assertThat(generated).hasSize(7);
        for (Path file : generated) {
            Path committed = DATA.resolve(regenerated.relativize(file).toString());
            assertThat(Files.mismatch(file, committed)).as(committed.toString()).isEqualTo(-1L);
        }
    }

    @Test
    void everyCommittedDataFileStaysUnderFiveMegabytes() throws IOException {
        assertThat(files(DATA)).isNotEmpty()
                .allSatisfy(file -> assertThat(Files.size(file)).as(file.toString()).isLessThan(5_000_000L));
    }

    private static List<String> documentedArguments() throws IOException {
        String line = Files.readAllLines(DATA.resolve("README.md"), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(l -> l.startsWith(COMMAND_PREFIX + "generate ")).findFirst().orElseThrow();
        return new ArrayList<>(Arrays.asList(line.substring(COMMAND_PREFIX.length()).split("\\s+")));
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("README.md"))
                    .sorted().toList();
        }
    }
}
