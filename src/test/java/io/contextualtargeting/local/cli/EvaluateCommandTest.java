package io.contextualtargeting.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
    @TempDir
    static Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void generate() {
        int exit = Main.run(List.of("generate", "--out", dir.toString(), "--users", "600", "--items", "120", "--threads", "1"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
    }

    @Test
    void printsATablePerQueryKindWithEveryMethodAndRandom() {
        int exit = evaluate("--verbose");

        assertThat(exit).isZero();
        assertThat(text(out))
                .contains("hold-out by time: trained on ")
                .contains("item queries: 10 evaluated, 0 skipped")
                .contains("attribute queries: 10 evaluated, 0 skipped")
                .containsPattern("\\n  engine +0\\.\\d{3} ")
                .containsPattern("\\n  recent history +0\\.\\d{3} ")
                .containsPattern("\\n  history +0\\.\\d{3} ")
                .containsPattern("\\n  most active +0\\.\\d{3} ")
                .containsPattern("\\n  last active +0\\.\\d{3} ")
                .containsPattern("\\n  random +0\\.\\d{3} .* 1\\.0x +1\\.0x +\\d\\.\\d{2}\\n")
                .contains("settings chosen from the data, validated on the latest 20 %")
                .contains("per query: positives, then recall@1% (hits) of engine, recent history, history, most active, last active")
                .contains("    ITEMS.GENRES = \"Drama\" ");
    }

    @Test
    void jsonHasEachKindsMethodsAndEveryQuery() throws IOException {
        int exit = evaluate("--json");

        assertThat(exit).isZero();
        JsonNode json = new ObjectMapper().readTree(text(out));
        assertThat(json.at("/segmentSizes/1%").asInt())
                .isEqualTo(Math.round(json.at("/split/usersWithTrainingInteractions").asInt() / 100.0));
        assertThat(json.at("/itemQueries/methods/0/name").asText()).isEqualTo("engine");
        assertThat(json.at("/itemQueries/methods/5/name").asText()).isEqualTo("random");
        assertThat(json.at("/itemQueries/methods/5/lift/10%").asDouble()).isEqualTo(1.0);
        assertThat(json.at("/itemQueries/methods/0/segmentOverlapAt10Percent").isNumber()).isTrue();
        assertThat(json.at("/attributeQueries/queries")).hasSize(10);
        assertThat(json.at("/attributeQueries/queries/0/itemAttributes").asText()).startsWith("ITEMS.GENRES = ");
        assertThat(json.at("/attributeQueries/queries/0/hits/engine/1%").isInt()).isTrue();
        assertThat(text(err)).contains("trained and evaluated in");
    }

    @Test
    void htmlReportIsOnePageWithAChartPerQueryKindAndNothingToFetch() throws IOException {
        Path report = dir.resolve("reports/quality.html");

        int exit = evaluate("--html", report.toString());

        assertThat(exit).isZero();
        String html = Files.readString(report);
        assertThat(html.split("<svg ", -1)).hasSize(3);
        assertThat(html).contains("<h2>Item queries (10 evaluated, 0 skipped)</h2>")
                .contains("<strong>Lift</strong> compares a segment with users picked at random")
                .containsPattern("At 1 % of users, the engine's segments hold [0-9.]+x as many of them as random segments")
                .doesNotContain("<script", "src=", "href=", "url(", "@import");
    }

    @Test
    void trainingSettingsChangeTheEnginesSegmentsAndBadOnesAreUsageErrors() throws IOException {
        assertThat(evaluate("--json")).isZero();
        JsonNode defaults = new ObjectMapper().readTree(text(out)).at("/itemQueries/queries");
        out.reset();

        assertThat(evaluate("--json", "--recency-half-life-days", "0", "--activity-half-life-days", "0")).isZero();
        JsonNode withoutDecay = new ObjectMapper().readTree(text(out)).at("/itemQueries/queries");
        assertThat(withoutDecay).isNotEqualTo(defaults);

        assertThat(evaluate("--activity-half-life-days", "-2")).isEqualTo(2);
        assertThat(text(err)).contains("error: option --activity-half-life-days expects 0 (no decay) or a positive number");
    }

    @Test
    void aQueryFileWithABadLineExitsWithOneAndNamesTheLine() throws IOException {
        Files.writeString(dir.resolve("bad.json"), "{\"itemId\": \"1\"}\n{\"itemAttributes\": \"ITEMS.GENRES IN (1)\"}\n");

        int exit = Main.run(List.of("evaluate", "--interactions", file("interactions.csv"), "--items", file("items.csv"),
                "--queries", dir.resolve("bad.json").toString()), print(out), print(err));

        assertThat(exit).isEqualTo(1);
        assertThat(text(err)).startsWith("error: ").contains("bad.json, line 2").doesNotContain("Exception");
    }

    private int evaluate(String... options) {
        String batch = dir.resolve("personalize/batch/bingewatch") + "/";
        List<String> args = new ArrayList<>(List.of("evaluate", "--interactions", file("interactions.csv"),
                "--items", file("items.csv"), "--config", file("bingewatch_config.json"), "--factors", "16", "--threads", "1",
                "--queries", batch + "bingewatch-item-affinity/job_config.json," + batch
                        + "bingewatch-item-attribute-affinity/job_config.json"));
        args.addAll(List.of(options));
        return Main.run(args, print(out), print(err));
    }

    private static String file(String name) {
        return dir.resolve("personalize/train/bingewatch").resolve(name).toString();
    }

    private static PrintStream print(ByteArrayOutputStream stream) {
        return new PrintStream(stream, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
