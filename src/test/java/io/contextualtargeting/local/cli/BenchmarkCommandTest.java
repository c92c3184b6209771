package io.contextualtargeting.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void trainPrintsParseAndTrainingFiguresForTheRequestedSize(@TempDir Path dir) {
        int exit = run("benchmark", "train", "--users", "300", "--items", "80", "--interactions", "5000",
                "--iterations", "1", "--factors", "8", "--csv", dir.resolve("i.csv").toString());

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("synthetic data: 5,000 interactions")
                .contains("parse: 5,000 interactions in")
                .contains("train: 8 factors, 1 iterations");
    }

    @Test
    void scorePrintsTheScanTimeAndThatItMatchesAFloatScan() {
        int exit = run("benchmark", "score", "--users", "20000", "--factors", "16", "--repeat", "1");

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("top 200 of 20,000 users")
                .contains("results identical: true");
    }

    @Test
    void postprocessSplitsTheJobOutputAndWritesEverySegmentInBothFormsAccountingForEveryUser(@TempDir Path dir)
            throws IOException {
        int exit = run("benchmark", "postprocess", "--users", "1000", "--lines", "2", "--work", dir.toString());

        assertThat(exit).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("PrepareSegments: 3 segments in");
        // users u0..u999 and u500..u1499: per 10 users one without endpoint, one opted out
        assertThat(printed).contains("WriteSegment Id, item_100_20261128-100000:")
                .contains("1,000 users: 800 written (940 endpoint rows), 100 without endpoint, 100 opted out; accounted: true")
                .contains("WriteSegment User.UserId, ITEMSgenresGenre1_20261128-100000:")
                .contains("1,000 users: 1,000 written (0 endpoint rows), 0 without endpoint, 0 opted out; accounted: true")
                .contains("failed query, reported:").doesNotContain("accounted: false");
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void qualityPrintsTheTablesAndTheTargetsOnAGeneratedDatasetItDeletesAfterwards() {
        int exit = run("benchmark", "quality", "--users", "500", "--items", "100");

        assertThat(exit).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("generated 500 users, 100 items")
                .contains("=== the generated batch queries ===")
                .contains("=== 200 items spread over the popularity ranks")
                .containsPattern("targets: (MET|MISSED): item@1% engine 0\\.\\d{3} (>=|<) .*; attribute@1% ")
                .contains("attribute@10% engine ");
        Path folder = Path.of(text.substring(text.indexOf(" in /") + 4, text.indexOf('\n', text.indexOf(" in /"))).trim());
        assertThat(folder).doesNotExist();
    }

    @Test
    void qualityWithASettingRunsThatMatrixSettingAndSumsItUp() {
        int exit = run("benchmark", "quality", "--setting", "small-decade");

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("##### small-decade: ")
                .contains("  generate --users 1000 --items 400 --seed 42 --interactions-per-user 40 --days 3650 --events rating\n")
                .contains("===== summary: the engine against the best baseline =====")
                .containsPattern("small-decade +\\d+\\.\\d s  (MET|MISSED): ")
                .contains("targets met on ");
    }

    @Test
    void qualityExportWritesEachSettingsSplitIntoItsOwnFolder(@TempDir Path export) throws IOException {
        int exit = run("benchmark", "quality", "--setting", "small-decade", "--export", export.toString());

        assertThat(exit).isZero();
        Path folder = export.resolve("small-decade");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("exported the split and the item queries to " + folder);
        assertThat(Files.readString(folder.resolve("meta.json"))).contains("\"setting\" : \"small-decade\"")
                .contains("\"knownUsers\" : ");
        assertThat(Files.readAllLines(folder.resolve("train.csv")).get(0)).isEqualTo("user,item,timestamp,weight");
        assertThat(Files.readAllLines(folder.resolve("positives.csv")).size()).isGreaterThan(1);
    }

    @Test
    void qualityExportWithoutTheMatrixIsAUsageError() {
        assertThat(run("benchmark", "quality", "--export", "somewhere")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--export needs --matrix, --setting or --sweep");
    }

    @Test
    void aSweepNeedsAtLeastOneShapeAndNoOtherMatrix() {
        assertThat(run("benchmark", "quality", "--sweep", "0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--sweep 0: draw at least 1 shape");
        assertThat(run("benchmark", "quality", "--sweep", "2", "--setting", "shop")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("use one of --matrix, --setting and --sweep");
    }

    @Test
    void anUnknownMatrixSettingIsAUsageErrorListingTheNames() {
        assertThat(run("benchmark", "quality", "--setting", "nope")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'--setting': expected one of small-decade, small-movielens")
                .contains("but was 'nope'");
    }

    @Test
    void withoutWhatToTimeItIsAUsageError() {
        assertThat(run("benchmark")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: say what to time");
    }

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
