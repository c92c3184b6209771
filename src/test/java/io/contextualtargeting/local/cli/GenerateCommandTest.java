package io.contextualtargeting.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void writesTheDatasetAndReportsThroughputMeasuredOnTheInjectedClock(@TempDir Path dir) throws Exception {
        Iterator<Long> ticks = List.of(0L, 2_000_000_000L).iterator();
        int exit = Main.commandLine(new Streams(print(out), print(err)), Clock.systemUTC(), ticks::next).execute("generate",
                "--out", dir.toString(), "--users", "200", "--items", "100", "--interactions-per-user", "5", "--name", "shop",
                "--num-results", "12", "--threads", "1");

        assertThat(exit).isZero();
        assertThat(dir.resolve("personalize/train/shop/interactions.csv")).isRegularFile();
        assertThat(Files.readString(dir.resolve("personalize/train/shop/shop_config.json"))).contains("\"numResults\" : 12");
        long lines = 4 + 200 + 100 + Files.readAllLines(dir.resolve("personalize/train/shop/interactions.csv")).size() - 1
                + Files.readAllLines(dir.resolve("pinpoint/endpoints.csv")).size() - 1;
        assertThat(text(out)).contains("200 users, 100 items")
                .contains(String.format(Locale.ROOT, "wrote %,d CSV lines", lines))
                .contains(" in 2.00 s: ")
                .contains(String.format(Locale.ROOT, "%,d lines/s", Math.round(lines / 2.0)));
    }

    @Test
    void worldShapeOptionsReachTheGenerator(@TempDir Path dir) throws Exception {
        int exit = Main.run(List.of("generate", "--out", dir.toString(), "--users", "200", "--items", "100",
                "--events", "rating", "--genres", "30", "--drift", "0", "--popularity-skew", "1.5",
                "--active-window", "0.01-0.05", "--activity-spread", "0.5"), print(out), print(err));

        assertThat(exit).as(text(err)).isZero();
        List<String> interactions = Files.readAllLines(dir.resolve("personalize/train/bingewatch/interactions.csv"));
        assertThat(interactions.subList(1, interactions.size())).allSatisfy(line -> assertThat(line).matches(".*,[1-5]\\.00,rating,\\d+"));
        assertThat(Files.readString(dir.resolve("personalize/train/bingewatch/items.csv"))).contains("Genre ");
    }

    @Test
    void anEventStyleNotOfTheListIsAUsageErrorListingThem(@TempDir Path dir) {
        int exit = Main.run(List.of("generate", "--out", dir.resolve("new").toString(), "--events", "clicks"), print(out),
                print(err));

        assertThat(exit).isEqualTo(2);
        assertThat(text(err)).contains("'--events': expected one of watch, rating, shop (case-sensitive) but was 'clicks'");
        assertThat(dir.resolve("new")).doesNotExist();
    }

    @Test
    void settingOutOfRangeExitsWithOneAndNamesTheOption(@TempDir Path dir) {
        int exit = Main.run(List.of("generate", "--out", dir.toString(), "--users", "5"), print(out), print(err));

        assertThat(exit).isEqualTo(1);
        assertThat(text(err)).contains("field users").contains("use 100 to").doesNotContain("Exception");
    }

    @Test
    void unknownOptionIsAUsageError(@TempDir Path dir) {
        int exit = Main.run(List.of("generate", "--out", dir.toString(), "--user", "500"), print(out), print(err));

        assertThat(exit).isEqualTo(2);
        assertThat(text(err)).startsWith("error: unknown option '--user'; did you mean --users?")
                .contains("usage: contextual-targeting-local.jar generate ");
    }

    @Test
    void outputFolderIsRequired() {
        int exit = Main.run(new ArrayList<>(List.of("generate", "--users", "500")), print(out), print(err));

        assertThat(exit).isEqualTo(2);
        assertThat(text(err)).contains("Missing required option: '--out=DIR'");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
