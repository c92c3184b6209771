package io.contextualtargeting.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contextualtargeting.workflow.training.TrainingConfigParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code init} on small hand-written CSV files, then {@code run --data} on what it wrote. */
class InitCommandTest {
    private static final long START = 1_700_000_000L;

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * 12 items: genres Drama (items 1-6), Comedy (4-9), Action (10-12, rarely watched); 60 users who
     * each watch items 1, 2 and three others, so item 1 and 2 are the most interacted.
     */
    private Path[] writeCsvs(long timestampUnit) throws IOException {
        Path csv = Files.createDirectories(dir.resolve("csv"));
        StringBuilder items = new StringBuilder("ITEM_ID,TITLE,YEAR,PRICE,CREATION_TIMESTAMP,GENRES\n");
        for (int i = 1; i <= 12; i++) {
            String genres = i <= 3 ? "Drama" : i <= 6 ? "Drama|Comedy" : i <= 9 ? "Comedy" : "Action";
            items.append("i").append(i).append(",\"Title, part ").append(i).append("\",").append(1990 + i).append(',')
                    .append(i).append(".5,").append(START - i).append(',').append(genres).append('\n');
        }
        StringBuilder users = new StringBuilder("USER_ID,GENDER,E_MAIL,AGE\n");
        StringBuilder interactions = new StringBuilder("USER_ID,ITEM_ID,EVENT_TYPE,EVENT_VALUE,TIMESTAMP\n");
        for (int u = 1; u <= 60; u++) {
            users.append("u").append(u).append(',').append(u % 2 == 0 ? "F" : "M").append(",user").append(u)
                    .append("@example.com,").append(20 + u % 40).append('\n');
            int[] watched = {1, 2, 3 + u % 4, 5 + u % 5, u % 7 == 0 ? 10 + u % 3 : 7 + u % 3};
            for (int k = 0; k < watched.length; k++) {
                long t = (START + u * 3_600L + k * 60L) * timestampUnit;
                interactions.append('u').append(u).append(",i").append(watched[k]).append(k % 2 == 0 ? ",watch," : ",click,")
                        .append(k % 2 == 0 ? "0.9" : "1").append(',').append(t).append('\n');
            }
        }
        Files.writeString(csv.resolve("interactions.csv"), interactions);
        Files.writeString(csv.resolve("items.csv"), items);
        Files.writeString(csv.resolve("users.csv"), users);
        return new Path[] {csv.resolve("interactions.csv"), csv.resolve("items.csv"), csv.resolve("users.csv")};
    }

    private static Map<String, JsonNode> fields(JsonNode config, String dataset) {
        Map<String, JsonNode> fields = new HashMap<>();
        config.at("/datasets/" + dataset + "/schema/serviceConfig/schema/fields")
                .forEach(f -> fields.put(f.get("name").asText(), f));
        return fields;
    }

    @Test
    void writesSchemasAndQueriesThatRunTurnsIntoSegments() throws Exception {
        Path[] csv = writeCsvs(1);
        Path data = dir.resolve("mine");

        int code = run("init", "--interactions", csv[0].toString(), "--items", csv[1].toString(), "--users",
                csv[2].toString(), "--out", data.toString(), "--name", "shop", "--top", "2");

        assertThat(code).as(err()).isZero();
        Path config = data.resolve("personalize/train/shop/shop_config.json");
        String text = Files.readString(config);
        new TrainingConfigParser().parse(config.toString(), text);
        JsonNode json = new ObjectMapper().readTree(text);
        Map<String, JsonNode> interactions = fields(json, "interactions");
        assertThat(interactions.get("USER_ID").get("type").asText()).isEqualTo("string");
        assertThat(interactions.get("TIMESTAMP").get("type").asText()).isEqualTo("long");
        assertThat(interactions.get("EVENT_TYPE").get("type").asText()).isEqualTo("string");
        assertThat(interactions.get("EVENT_VALUE").get("type").asText()).isEqualTo("float");
        Map<String, JsonNode> items = fields(json, "items");
        assertThat(items.get("GENRES").get("type").asText()).isEqualTo("string");
        assertThat(items.get("GENRES").get("categorical").asBoolean()).isTrue();
        assertThat(items.get("YEAR").get("type").asText()).isEqualTo("int");
        assertThat(items.get("YEAR").has("categorical")).isFalse();
        assertThat(items.get("PRICE").get("type").asText()).isEqualTo("float");
        assertThat(items.get("TITLE").get("textual").asBoolean()).isTrue();
        assertThat(items.get("CREATION_TIMESTAMP").get("type").asText()).as("Personalize's reserved long").isEqualTo("long");
        Map<String, JsonNode> users = fields(json, "users");
        assertThat(users.keySet()).containsExactlyInAnyOrder("USER_ID", "GENDER", "AGE");
        assertThat(users.get("GENDER").get("categorical").asBoolean()).isTrue();
        assertThat(users.get("AGE").get("type").asText()).isEqualTo("int");
        assertThat(text).doesNotContain("E_MAIL");

        assertThat(Files.readAllLines(data.resolve("personalize/batch/shop/shop-item-attribute-affinity/job_config.json")))
                .containsExactly("{\"itemAttributes\":\"ITEMS.GENRES = \\\"Drama\\\"\"}",
                        "{\"itemAttributes\":\"ITEMS.GENRES = \\\"Comedy\\\"\"}");
        assertThat(Files.readAllLines(data.resolve("personalize/batch/shop/shop-item-affinity/job_config.json")))
                .containsExactly("{\"itemId\":\"i1\"}", "{\"itemId\":\"i2\"}");
        assertThat(data.resolve("personalize/train/shop/interactions.csv")).hasSameTextualContentAs(csv[0]);
        assertThat(data.resolve("personalize/train/shop/users.csv")).hasSameTextualContentAs(csv[2]);
        assertThat(data.resolve("pinpoint")).isEmptyDirectory();
        assertThat(out()).contains("shop_config.json", "GENRES string categorical", "E_MAIL: personal data",
                "run --data " + data, "aws s3 sync " + data.resolve("personalize") + " s3://$PERSONALIZE_BUCKET");
        try (Stream<Path> siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("csv", "mine");
        }

        code = run("run", "--data", data.toString(), "--work", dir.resolve("work").toString(), "--json");

        assertThat(code).as(err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(out());
        List<String> queries = new ArrayList<>();
        summary.get("segments").forEach(s -> {
            queries.add(s.get("query").asText());
            assertThat(s.get("users").asInt()).as(s.toString()).isPositive();
        });
        assertThat(queries).hasSize(4).anyMatch(q -> q.contains("Drama")).anyMatch(q -> q.contains("i1"));
    }

    @Test
    void aTimestampInMillisecondsNamesFileLineAndFieldAndWritesNothing() throws Exception {
        Path[] csv = writeCsvs(1000);
        Path data = dir.resolve("mine");

        int code = run("init", "--interactions", csv[0].toString(), "--items", csv[1].toString(), "--out", data.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err()).startsWith("error: " + csv[0] + ", line 2, field TIMESTAMP: ").contains("milliseconds");
        assertThat(err().lines()).hasSize(1);
        try (Stream<Path> siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("csv");
        }
    }

    @Test
    void aMissingRequiredColumnIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("interactions.csv"), "USER_ID,ITEM_ID\nu1,i1\n");

        assertThat(run("init", "--interactions", file.toString(), "--out", dir.resolve("mine").toString())).isEqualTo(1);

        assertThat(err()).startsWith("error: " + file + ", line 1, field TIMESTAMP: required column TIMESTAMP is missing");
        assertThat(dir.resolve("mine")).doesNotExist();
    }

    @Test
    void aNonEmptyFolderIsReplacedOnlyWithForce() throws Exception {
        Path[] csv = writeCsvs(1);
        Path data = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(data.resolve("kept.txt"), "mine");

        assertThat(run("init", "--interactions", csv[0].toString(), "--out", data.toString())).isEqualTo(1);
        assertThat(err()).contains(data + ": is not empty", "--force");
        assertThat(data.resolve("kept.txt")).exists();

        assertThat(run("init", "--interactions", csv[0].toString(), "--endpoints", csv[2].toString(),
                "--out", data.toString(), "--force")).as(err()).isZero();
        assertThat(data.resolve("kept.txt")).doesNotExist();
        assertThat(data.resolve("personalize/train/mydata/mydata_config.json")).exists();
        assertThat(data.resolve("personalize/batch/mydata/mydata-item-attribute-affinity")).doesNotExist();
        assertThat(data.resolve("pinpoint/endpoints.csv")).hasSameTextualContentAs(csv[2]);
        assertThat(out()).contains("aws s3 sync " + data.resolve("pinpoint") + " s3://$SEGMENT_IMPORT_BUCKET/pinpoint");
    }
}
