package io.contextualtargeting.local.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
    /** Columns of the generated interactions.csv: USER_ID,ITEM_ID,EVENT_VALUE,EVENT_TYPE,TIMESTAMP. */
    private static final int USER = 0;
    private static final int ITEM = 1;
    private static final int TIMESTAMP = 4;
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
                .containsPattern("\\n  engine minus the best other method: @1% [+-]\\d\\.\\d{3} \\([a-z ]+, standard error"
                        + " \\d\\.\\d{3}\\), @10% [+-]\\d\\.\\d{3} \\([a-z ]+, standard error \\d\\.\\d{3}\\)\\n")
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

    @Test
    void exportWritesTheEvaluatedSplitItsItemQueriesPositivesAndTheRecallsItMeasured() throws IOException {
        Path export = dir.resolve("exports/mine");

        int exit = evaluate("--json", "--export", export.toString());

        assertThat(exit).isZero();
        assertThat(text(err)).contains("exported the split and the item queries to " + export);
        JsonNode evaluation = new ObjectMapper().readTree(text(out));
        long cutoff = evaluation.at("/split/cutoff").asLong();
        // the raw file, split at the evaluation's cutoff: train.csv is its rows before it, in file order
        List<String> lines = Files.readAllLines(Path.of(file("interactions.csv")));
        assertThat(lines.get(0)).isEqualTo("USER_ID,ITEM_ID,EVENT_VALUE,EVENT_TYPE,TIMESTAMP");
        List<String[]> raw = lines.stream().skip(1).map(line -> line.split(",")).toList();
        List<String[]> before = raw.stream().filter(row -> Long.parseLong(row[TIMESTAMP]) < cutoff).toList();
        List<String> train = Files.readAllLines(export.resolve("train.csv"));
        assertThat(train.get(0)).isEqualTo("user,item,timestamp,weight");
        assertThat(train).hasSize(1 + before.size());
        assertThat(before).hasSize(evaluation.at("/split/trainingInteractions").asInt());
        Map<String, String> users = new HashMap<>(); // user id -> the export's index
        Map<String, String> items = new HashMap<>();
        for (int i = 0; i < before.size(); i++) {
            String[] row = before.get(i);
            String[] exported = train.get(i + 1).split(",");
            assertThat(users.computeIfAbsent(row[USER], id -> exported[0])).isEqualTo(exported[0]);
            assertThat(items.computeIfAbsent(row[ITEM], id -> exported[1])).isEqualTo(exported[1]);
            assertThat(exported[2]).isEqualTo(row[TIMESTAMP]);
            assertThat(Float.parseFloat(exported[3])).isPositive();
        }
        assertThat(new HashSet<>(users.values())).hasSameSizeAs(users.keySet()); // one index per user
        assertThat(new HashSet<>(items.values())).hasSameSizeAs(items.keySet());

        // positives.csv: per evaluated item query, the known users who interact with its item after the cutoff
        Map<String, Set<String>> positives = new LinkedHashMap<>();
        List<String> positiveLines = Files.readAllLines(export.resolve("positives.csv"));
        assertThat(positiveLines.get(0)).isEqualTo("item,user");
        for (String line : positiveLines.subList(1, positiveLines.size())) {
            String[] pair = line.split(",");
            assertThat(positives.computeIfAbsent(pair[0], item -> new HashSet<>()).add(pair[1])).isTrue();
        }
        JsonNode queries = evaluation.at("/itemQueries/queries");
        assertThat(queries).hasSize(10);
        assertThat(positives).hasSameSizeAs(queries);
        for (JsonNode query : queries) {
            String item = query.path("itemId").asText();
            Set<String> expected = raw.stream().filter(row -> row[ITEM].equals(item)
                            && Long.parseLong(row[TIMESTAMP]) >= cutoff && users.containsKey(row[USER]))
                    .map(row -> users.get(row[USER])).collect(Collectors.toSet());
            assertThat(positives.get(items.get(item))).as("positives of item %s", item).isEqualTo(expected)
                    .hasSize(query.path("positives").asInt());
        }

        JsonNode meta = new ObjectMapper().readTree(export.resolve("meta.json").toFile());
        assertThat(meta.path("setting").asText()).isEqualTo("mine");
        assertThat(meta.path("knownUsers").asInt()).isEqualTo(users.size())
                .isEqualTo(evaluation.at("/split/usersWithTrainingInteractions").asInt());
        assertThat(meta.path("itemQueries").asInt()).isEqualTo(evaluation.at("/itemQueries/evaluated").asInt());
        JsonNode methods = evaluation.at("/itemQueries/methods");
        assertThat(meta.path("itemRecall").size()).isEqualTo(methods.size());
        for (String share : List.of("1%", "10%")) {
            assertThat(meta.path("segmentSizes").path(share).asInt()).isEqualTo(evaluation.at("/segmentSizes/" + share).asInt());
            for (JsonNode method : methods) {
                // the evaluation's JSON rounds to 4 decimals
                assertThat(meta.path("itemRecall").path(method.path("name").asText()).path(share).asDouble())
                        .as("%s recall@%s", method.path("name").asText(), share)
                        .isCloseTo(method.path("recall").path(share).asDouble(), within(0.00005));
            }
        }
    }

    @Test
    void exportIntoAFileIsAUsageErrorNamingIt() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("export.txt"), "x");

        assertThat(evaluate("--export", notAFolder.toString())).isEqualTo(2);
        assertThat(text(err)).startsWith("error: ").contains(notAFolder + " is a file; give a folder");
        err.reset();
        assertThat(evaluate("--export", notAFolder.resolve("inside").toString())).isEqualTo(2);
        assertThat(text(err)).contains("which is a file, not a folder");
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
