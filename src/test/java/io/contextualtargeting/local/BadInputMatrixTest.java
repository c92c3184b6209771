package io.contextualtargeting.local;

import static io.contextualtargeting.local.PipelineFixture.append;
import static io.contextualtargeting.local.PipelineFixture.editLine;
import static io.contextualtargeting.local.PipelineFixture.lines;
import static io.contextualtargeting.local.PipelineFixture.read;
import static io.contextualtargeting.local.PipelineFixture.write;
import static io.contextualtargeting.local.PipelineRun.IMPORT;
import static io.contextualtargeting.local.PipelineRun.POST_PROCESSING;
import static io.contextualtargeting.local.PipelineRun.TRAINING;
import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.engine.generate.DatasetLayout;
import io.contextualtargeting.local.statemachine.ExecutionRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad (and legal but awkward) input, each case run through the whole local pipeline: the deployed
 * state machines, rules and handlers on the local stand-ins. A bad case must end in an error naming
 * its file, line and field, in the failed execution (as {@code execution <id>} shows it) and in the
 * failure email, with nothing half-imported; a legal case must succeed with every user accounted for.
 */
class BadInputMatrixTest {
    @RegisterExtension
    static final TinyDataset DATASET = new TinyDataset();
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputEndsInAClearErrorAndLegalInputSucceeds(Case example) {
        PipelineFixture fixture = DATASET.copyTo(dir);
        example.breakData().accept(fixture);

        PipelineRun run = fixture.run();

        example.expected().accept(run);
    }

    static Stream<Case> cases() {
        return Stream.of(
                // Training data: found when the dataset is imported, before any training.
                new Case("interactions row with an unclosed quote",
                        f -> editLine(f.interactions(), 5, l -> l.replaceFirst(",", ",\"")),
                        importFails("interactions.csv, line 5, field ITEM_ID", "quote")),
                new Case("interactions row missing its last value",
                        f -> editLine(f.interactions(), 7, l -> l.substring(0, l.lastIndexOf(','))),
                        importFails("interactions.csv, line 7, field TIMESTAMP", "expected 5 fields")),
                new Case("interactions row with an extra value",
                        f -> editLine(f.interactions(), 8, l -> l + ",7"),
                        importFails("interactions.csv, line 8", "expected 5 fields")),
                new Case("interactions TIMESTAMP that is a word",
                        f -> editLine(f.interactions(), 6, l -> l.replaceAll(",\\d+$", ",yesterday")),
                        importFails("interactions.csv, line 6, field TIMESTAMP", "'yesterday'")),
                new Case("interactions EVENT_VALUE that is not a number",
                        f -> editLine(f.interactions(), 9, l -> replaceField(l, 2, "lots")),
                        importFails("interactions.csv, line 9, field EVENT_VALUE", "'lots'")),
                new Case("interactions row with an empty USER_ID",
                        f -> editLine(f.interactions(), 4, l -> replaceField(l, 0, "")),
                        importFails("interactions.csv, line 4, field USER_ID", "empty")),
                new Case("items RELEASE_YEAR that is not a whole number",
                        f -> editLine(f.items(), 3, l -> replaceField(l, 2, "19x5")),
                        importFails("items.csv, line 3, field RELEASE_YEAR", "'19x5'")),
                new Case("users AGE that is not a number",
                        f -> editLine(f.users(), 4, l -> replaceField(l, 3, "old")),
                        importFails("users.csv, line 4, field AGE", "'old'")),
                // Training data: found when the config is validated, before anything is created.
                new Case("interactions header without TIMESTAMP",
                        f -> editLine(f.interactions(), 1, l -> l.replace(",TIMESTAMP", ",WHEN")),
                        validationFails("interactions.csv, line 1, field TIMESTAMP", "missing")),
                new Case("empty interactions file",
                        f -> write(f.interactions(), ""),
                        validationFails("interactions.csv, line 1", "empty")),
                // The training config.
                new Case("config that is not valid JSON",
                        f -> editLine(f.config(), 4, l -> l.replace("\"name\"", "name")),
                        validationFails("bingewatch_config.json, line 4, field datasetGroup.serviceConfig", "not valid JSON")),
                new Case("config without a dataset group name",
                        f -> write(f.config(), read(f.config()).replaceFirst("\"name\" : \"bingewatch\"", "\"label\" : \"bingewatch\"")),
                        validationFails("bingewatch_config.json, line 3, field datasetGroup.serviceConfig.name", "missing")),
                new Case("config with an invalid Avro type",
                        f -> write(f.config(), read(f.config()).replaceFirst("\"type\" : \"long\"", "\"type\" : \"timestamp\"")),
                        validationFails("bingewatch_config.json, line 38, field datasets.interactions.schema.serviceConfig.schema.fields[4]",
                                "type \"timestamp\" is not one of string, int, long")),
                new Case("config with an Avro schema that is not a record",
                        f -> write(f.config(), read(f.config()).replaceFirst("\"type\" : \"record\"", "\"type\" : \"enum\"")),
                        validationFails("bingewatch_config.json, line 17, field datasets.interactions.schema.serviceConfig.schema",
                                "expected an Avro record")),
                new Case("config with an unknown recipe ARN",
                        f -> write(f.config(), read(f.config()).replace("aws-item-affinity", "aws-similar-items")),
                        validationFails("field solutions[1].serviceConfig.recipeArn", "is not a user-segmentation recipe")),
                new Case("config with a solution name over 63 characters",
                        f -> write(f.config(), read(f.config()).replace("\"bingewatch-item-affinity\"",
                                "\"" + "x".repeat(64) + "\"")),
                        validationFails("field solutions[1].serviceConfig.name", "64 characters")),
                new Case("config with hidden_dimension out of range",
                        f -> write(f.config(), read(f.config()).replace("\"recipeArn\" : \"arn:aws:personalize:::recipe/aws-item-affinity\"",
                                "\"recipeArn\" : \"arn:aws:personalize:::recipe/aws-item-affinity\", \"solutionConfig\" : "
                                        + "{\"algorithmHyperParameters\" : {\"hidden_dimension\" : \"1000\"}}")),
                        validationFails("field solutions[1].serviceConfig.solutionConfig.algorithmHyperParameters.hidden_dimension",
                                "between 32 and 256")),
                new Case("config with numResults 0",
                        f -> write(f.config(), read(f.config()).replaceFirst("\"numResults\" : 10", "\"numResults\" : 0")),
                        validationFails("field solutions[0].batchSegmentJobs[0].serviceConfig.numResults", "1 to 5000000")),
                // Batch segment job queries: checked when the config is validated.
                new Case("attribute query with OR",
                        f -> editLine(f.attributeQueries(), 2, l -> l.replace("\"}", "\\\" OR ITEMS.GENRES = \\\"Drama\"}")
                                .replace("\\\"\\\" OR", "\\\" OR")),
                        validationFails("job_config.json, line 2, field itemAttributes", "OR")),
                new Case("attribute query with IN",
                        f -> write(f.attributeQueries(), "{\"itemAttributes\": \"ITEMS.GENRES IN (\\\"Action\\\", \\\"Drama\\\")\"}\n"),
                        validationFails("job_config.json, line 1, field itemAttributes", "IN")),
                new Case("attribute query on an unknown column",
                        f -> append(f.attributeQueries(), "{\"itemAttributes\": \"ITEMS.COLOUR = \\\"red\\\"\"}"),
                        validationFails("job_config.json, line 4, field itemAttributes", "COLOUR")),
                new Case("attribute query on a textual column",
                        f -> append(f.attributeQueries(), "{\"itemAttributes\": \"ITEMS.TITLE = \\\"Last Voyage\\\"\"}"),
                        validationFails("job_config.json, line 4, field itemAttributes", "textual")),
                new Case("eleven attribute queries in one job",
                        f -> write(f.attributeQueries(), IntStream.rangeClosed(1990, 2000)
                                .mapToObj(y -> "{\"itemAttributes\": \"ITEMS.RELEASE_YEAR = \\\"" + y + "\\\"\"}")
                                .collect(Collectors.joining("\n", "", "\n"))),
                        validationFails("job_config.json, line 11, field itemAttributes", "more than 10")),
                new Case("query line that is not JSON",
                        f -> append(f.itemQueries(), "itemId: 7"),
                        validationFails("job_config.json, line 4", "not a JSON object")),
                new Case("attribute query in the item-affinity job",
                        f -> append(f.itemQueries(), "{\"itemAttributes\": \"ITEMS.GENRES = \\\"Drama\\\"\"}"),
                        validationFails("job_config.json, line 4, field itemAttributes", "itemId")),
                // Job output lines with an error: that segment fails, the others are written.
                new Case("item query for an item nobody knows",
                        f -> write(f.itemQueries(), "{\"itemId\": \"no-such-item\"}\n" + read(f.itemQueries())),
                        segmentFails("job_config.json.out, line 1, field error", "no-such-item")),
                new Case("attribute value no item has",
                        f -> append(f.attributeQueries(), "{\"itemAttributes\": \"ITEMS.GENRES = \\\"Western\\\"\"}"),
                        segmentFails("job_config.json.out, line 4, field error", "Western")),
                // Endpoint files: refused whole, nothing imported.
                new Case("endpoint with a bad channel",
                        f -> editLine(f.endpoints(), 4, l -> replaceField(l, 1, "PIGEON")),
                        endpointsRefused("endpoints.csv, line 4, field ChannelType", "'PIGEON' is not a channel type")),
                new Case("endpoint with an empty address",
                        f -> editLine(f.endpoints(), 5, l -> replaceField(l, 3, "")),
                        endpointsRefused("endpoints.csv, line 5, field Address", "empty")),
                new Case("endpoint file without an Address column",
                        f -> write(f.endpoints(), lines(f.endpoints()).stream().map(l -> dropField(l, 3))
                                .collect(Collectors.joining("\n", "", "\n"))),
                        endpointsRefused("endpoints.csv, line 1, field Address", "Address and ChannelType")),
                new Case("endpoint file with an unknown column",
                        f -> editLine(f.endpoints(), 1, l -> l.replace("User.UserAttributes.Age", "Age")),
                        endpointsRefused("endpoints.csv, line 1, field Age", "Pinpoint does not know this column")),
                new Case("endpoint with a tab in a value",
                        f -> editLine(f.endpoints(), 6, l -> replaceField(l, 2, "F\tX")),
                        endpointsRefused("endpoints.csv, line 6, field User.UserAttributes.Gender", "tabs")),
                new Case("endpoint with a bad OptOut",
                        f -> editLine(f.endpoints(), 7, l -> replaceField(l, 5, "YES")),
                        endpointsRefused("endpoints.csv, line 7, field OptOut", "'YES' is not ALL or NONE")),
                new Case("endpoint row missing values",
                        f -> editLine(f.endpoints(), 8, l -> l.substring(0, l.indexOf(','))),
                        endpointsRefused("endpoints.csv, line 8", "has 1 values but the header has 6 columns")),
                new Case("empty endpoint file",
                        f -> write(f.endpoints(), ""),
                        endpointsRefused("endpoints.csv, line 1", "empty")),
                new Case("user with 16 endpoints",
                        f -> addEndpoints(f, "1", 16),
                        endpointsRefused("endpoints.csv, line " + lineOfSixteenthEndpoint("1") + ", field User.UserId",
                                "more than 15 endpoints")),
                // Legal input that must go through.
                new Case("user with 15 endpoints", f -> addEndpoints(f, "1", 15), succeeds()),
                new Case("byte order marks", f -> {
                    for (Path file : List.of(f.interactions(), f.items(), f.users(), f.endpoints(), f.itemQueries())) {
                        write(file, "\uFEFF" + read(file));
                    }
                }, succeeds()),
                new Case("CRLF line ends", f -> {
                    for (Path file : List.of(f.interactions(), f.items(), f.users(), f.endpoints(), f.attributeQueries())) {
                        write(file, read(file).replace("\n", "\r\n"));
                    }
                }, succeeds()),
                new Case("quoted commas",
                        f -> {
                            editLine(f.items(), 2, l -> replaceField(l, 1, "\"Last, Voyage\""));
                            editLine(f.endpoints(), 2, l -> replaceField(l, 2, "\"F, mostly\""));
                        },
                        succeeds()),
                new Case("duplicate rows",
                        f -> {
                            append(f.interactions(), PipelineFixture.line(f.interactions(), 2), PipelineFixture.line(f.interactions(), 3));
                            append(f.endpoints(), PipelineFixture.line(f.endpoints(), 2));
                        },
                        succeeds()),
                new Case("interactions with items and users the other files do not list",
                        f -> append(f.interactions(), "9001,not-an-item,1.0,watch,1650000000", "9002,4,1.0,watch,1650000001"),
                        succeeds()),
                new Case("opted-out endpoints",
                        f -> editLine(f.endpoints(), 3, l -> replaceField(l, 5, "ALL")),
                        succeeds()));
    }

    /** One case: what it breaks in a fresh dataset and what the run must show. */
    record Case(String behaviour, Consumer<PipelineFixture> breakData, Consumer<PipelineRun> expected) {
        @Override
        public String toString() {
            return behaviour;
        }
    }

    /** The training fails when a dataset is imported; nothing is trained, no segment is written. */
    static Consumer<PipelineRun> importFails(String where, String problem) {
        return run -> {
            trainingFailed(run, where, problem);
            assertThat(run.cloud().personalize().resources().keySet()).noneMatch(arn -> arn.contains(":solution/"));
        };
    }

    /** The training fails on its first step; not a single Personalize resource is created. */
    static Consumer<PipelineRun> validationFails(String where, String problem) {
        return run -> {
            trainingFailed(run, where, problem);
            assertThat(run.cloud().personalize().resources()).isEmpty();
        };
    }

    private static void trainingFailed(PipelineRun run, String where, String problem) {
        ExecutionRecord training = run.execution(TRAINING);
        assertThat(training.status().name()).isEqualTo("FAILED");
        assertThat(run.shown(training)).contains(where).contains(problem);
        assertThat(run.emails()).filteredOn(mail -> mail.contains("training failed")).singleElement()
                .satisfies(mail -> assertThat(mail).contains(where).contains(problem));
        assertThat(run.executions(POST_PROCESSING)).isEmpty();
        assertThat(run.segmentFiles()).isEmpty();
    }

    /** One query's segment fails; the job's other segments are written and imported. */
    static Consumer<PipelineRun> segmentFails(String where, String problem) {
        return run -> {
            ExecutionRecord failed = run.executions(POST_PROCESSING).stream()
                    .filter(e -> e.status().name().equals("FAILED")).collect(singleOrFail());
            assertThat(run.shown(failed)).contains(where).contains(problem);
            assertThat(run.summary().segments()).filteredOn(s -> s.error() != null).singleElement()
                    .satisfies(s -> {
                        assertThat(s.error()).contains(where).contains(problem);
                        assertThat(s.csv()).isNull();
                    });
            assertThat(run.summary().segments()).filteredOn(s -> s.error() == null)
                    .hasSize(2 * PipelineFixture.QUERIES_PER_JOB)
                    .allSatisfy(s -> assertThat(s.imported()).isEqualTo("SUCCEEDED"));
            assertThat(run.segmentFiles()).hasSize(2 * PipelineFixture.QUERIES_PER_JOB);
            assertThat(run.emails()).filteredOn(mail -> mail.contains("segments failed")).singleElement()
                    .satisfies(mail -> assertThat(mail).contains(where).contains(problem));
        };
    }

    /** The endpoint file is not imported at all: no endpoint, no segment in the local Pinpoint. */
    static Consumer<PipelineRun> endpointsRefused(String where, String problem) {
        return run -> {
            ExecutionRecord endpoints = run.importOf("endpoints.csv");
            assertThat(endpoints.status().name()).isEqualTo("FAILED");
            assertThat(run.shown(endpoints)).contains(where).contains(problem);
            assertThat(run.emails()).filteredOn(mail -> mail.contains("import of segment endpoints.csv failed")).singleElement()
                    .satisfies(mail -> assertThat(mail).contains(where).contains(problem));
            assertThat(run.cloud().pinpoint().endpointCount()).isZero();
            assertThat(run.cloud().pinpoint().segmentSizes()).doesNotContainKey("endpoints.csv");
        };
    }

    /** Every execution succeeds and every segment accounts for each of its users. */
    static Consumer<PipelineRun> succeeds() {
        return run -> {
            assertThat(run.summary().allSucceeded()).as(run.consoleText()).isTrue();
            assertThat(run.summary().segments()).hasSize(2 * PipelineFixture.QUERIES_PER_JOB).allSatisfy(s -> {
                assertThat(s.users()).isPositive();
                assertThat(s.usersWritten() + s.usersWithoutEndpoint() + s.optedOutUsers()).as(s.name()).isEqualTo(s.users());
            });
            assertThat(run.executions(IMPORT)).hasSize(1 + run.segmentFiles().size());
            assertThat(run.cloud().pinpoint().endpointCount()).isPositive();
        };
    }

    private static String replaceField(String line, int index, String value) {
        List<String> fields = new ArrayList<>(List.of(line.split(",", -1)));
        fields.set(index, value);
        return String.join(",", fields);
    }

    private static String dropField(String line, int index) {
        List<String> fields = new ArrayList<>(List.of(line.split(",", -1)));
        fields.remove(index);
        return String.join(",", fields);
    }

    /** Adds endpoints to a user until they have {@code total}. */
    private static void addEndpoints(PipelineFixture fixture, String user, int total) {
        int existing = endpointsOf(fixture.endpoints(), user);
        String[] rows = IntStream.range(existing, total)
                .mapToObj(i -> user + ",EMAIL,F,extra" + i + "@example.com,30,NONE").toArray(String[]::new);
        append(fixture.endpoints(), rows);
    }

    private static int endpointsOf(Path endpoints, String user) {
        return (int) lines(endpoints).stream().filter(l -> l.startsWith(user + ",")).count();
    }

    /** Where {@link #addEndpoints} puts a user's 16th endpoint in the generated file: the last line. */
    private static int lineOfSixteenthEndpoint(String user) {
        Path endpoints = new DatasetLayout(DATASET.base(), PipelineFixture.SETTINGS.name()).endpoints();
        return lines(endpoints).size() + 16 - endpointsOf(endpoints, user);
    }

    private static <T> java.util.stream.Collector<T, ?, T> singleOrFail() {
        return Collectors.collectingAndThen(Collectors.toList(), list -> {
            assertThat(list).hasSize(1);
            return list.get(0);
        });
    }
}
