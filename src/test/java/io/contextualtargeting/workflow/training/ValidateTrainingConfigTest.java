package io.contextualtargeting.workflow.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contextualtargeting.engine.generate.DatasetGenerator;
import io.contextualtargeting.engine.generate.GeneratorSettings;
import io.contextualtargeting.local.store.FolderObjectStore;
import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.workflow.ResourcePendingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateTrainingConfigTest {
    private static final String CONFIG = "train/bingewatch/bingewatch_config.json";
    private static final String TIME = "2026-11-28T10:15:00Z";

    @TempDir
    Path dir;
    private FolderObjectStore store;
    private ValidateTrainingConfig step;

    @BeforeEach
    void upload() throws IOException {
        Path data = dir.resolve("data");
        new DatasetGenerator().generate(GeneratorSettings.of(120, 60, 3).withInteractionsPerUser(10), data);
        store = new FolderObjectStore(dir.resolve("s3"), (ref, size, etag) -> { });
        Path personalize = data.resolve("personalize");
        try (Stream<Path> files = Files.walk(personalize)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                store.write(new ObjectRef("bucket", personalize.relativize(file).toString()), out -> Files.copy(file, out));
            }
        }
        step = new ValidateTrainingConfig(store);
    }

    private void edit(String key, String from, String to) {
        ObjectRef ref = new ObjectRef("bucket", key);
        String text = store.readText(ref);
        assertThat(text).contains(from);
        store.writeText(ref, text.replace(from, to));
    }

    @Test
    void plansAGeneratedUpload() {
        TrainingPlan plan = step.run(new TrainingConfigUploaded("bucket", CONFIG, TIME, "bucket"));

        assertThat(plan.datasetGroup().name()).isEqualTo("bingewatch");
        assertThat(plan.datasets()).extracting(TrainingPlan.DatasetPlan::type).containsExactlyInAnyOrder("INTERACTIONS", "ITEMS", "USERS");
        assertThat(plan.solutions()).hasSize(2);
    }

    /**
     * users.csv carries E_MAIL (as the reference data does) but the users schema leaves it out (the
     * import job reads a copy without it: DatasetImportTest); a users.csv uploaded without that
     * column ({@code cut -d, -f1,2,4}) is accepted as it stands.
     */
    @Test
    void usersWithoutTheEmailColumnAreAcceptedAndTheSchemaNeverHadIt() {
        ObjectRef users = new ObjectRef("bucket", "train/bingewatch/users.csv");
        StringBuilder withoutEmail = new StringBuilder();
        store.readText(users).lines().map(l -> l.split(",", -1))
                .forEach(f -> withoutEmail.append(f[0]).append(',').append(f[1]).append(',').append(f[3]).append('\n'));
        store.writeText(users, withoutEmail.toString());

        TrainingPlan plan = step.run(new TrainingConfigUploaded("bucket", CONFIG, TIME, "bucket"));

        TrainingPlan.DatasetPlan planned = plan.datasets().stream().filter(d -> d.type().equals("USERS")).findFirst().orElseThrow();
        assertThat(planned.data()).isEqualTo(users.url());
        assertThat(planned.schema()).contains("USER_ID").doesNotContain("E_MAIL");
        assertThat(store.readText(users)).startsWith("USER_ID,GENDER,AGE\n").doesNotContain("@");
    }

    @Test
    void aConfigOutsideTrainOfThePersonalizeBucketIsRefused() {
        store.writeText(new ObjectRef("bucket", "batch/bingewatch/config.json"), store.readText(new ObjectRef("bucket", CONFIG)));

        assertThatThrownBy(() -> step.run(new TrainingConfigUploaded("bucket", "batch/bingewatch/config.json", TIME, "bucket")))
                .hasMessageContaining("not a training config: expected a .json object under s3://bucket/train/");
        assertThatThrownBy(() -> step.run(new TrainingConfigUploaded("bucket", CONFIG, TIME, "personalize")))
                .hasMessageContaining("expected a .json object under s3://personalize/train/");
    }

    @Test
    void aFileNotYetUploadedIsWaitedFor() {
        store.delete(new ObjectRef("bucket", "train/bingewatch/items.csv"));

        assertThatThrownBy(() -> step.run(new TrainingConfigUploaded("bucket", CONFIG, TIME, "bucket")))
                .isInstanceOf(ResourcePendingException.class)
                .hasMessageContaining("s3://bucket/train/bingewatch/items.csv");
    }

    @Test
    void aHeaderThatMissesASchemaFieldIsNamed() {
        edit("train/bingewatch/interactions.csv", "USER_ID,ITEM_ID,EVENT_VALUE,EVENT_TYPE,TIMESTAMP", "USER_ID,ITEM_ID,EVENT_VALUE,EVENT_TYPE,TS");

        assertThatThrownBy(() -> step.run(new TrainingConfigUploaded("bucket", CONFIG, TIME, "bucket")))
                .isInstanceOf(InvalidTrainingConfigException.class)
                .hasMessageContaining("interactions.csv, line 1, field TIMESTAMP");
    }

    @Test
    void interactionsInMillisecondsAreRefusedOnUpload() {
        rewriteSecondLine("train/bingewatch/interactions.csv", timestamp -> timestamp + "000");

        assertThatThrownBy(() -> step.run(new TrainingConfigUploaded("bucket", CONFIG, TIME, "bucket")))
                .isInstanceOf(InvalidTrainingConfigException.class)
                .hasMessageContaining("interactions.csv, line 2, field TIMESTAMP: ")
                .hasMessageContaining("000 looks like milliseconds; Personalize needs whole seconds since 1970 (divide by 1000)");
    }

    @Test
    void interactionsAfterTheUploadAreRefused() {
        rewriteSecondLine("train/bingewatch/interactions.csv", timestamp -> "1796000000"); // 2026-11-30, after TIME + 1 day

        assertThatThrownBy(() -> step.run(new TrainingConfigUploaded("bucket", CONFIG, TIME, "bucket")))
                .hasMessageContaining("interactions.csv, line 2, field TIMESTAMP: 1796000000 is 2026-11-30T")
                .hasMessageContaining("more than one day after now (2026-11-28T10:15:00Z)");
    }

    /** Replaces the TIMESTAMP (the last column) of the file's first interaction. */
    private void rewriteSecondLine(String key, java.util.function.UnaryOperator<String> timestamp) {
        ObjectRef ref = new ObjectRef("bucket", key);
        String[] lines = store.readText(ref).split("\n", -1);
        assertThat(lines[0]).endsWith(",TIMESTAMP");
        int comma = lines[1].lastIndexOf(',');
        lines[1] = lines[1].substring(0, comma + 1) + timestamp.apply(lines[1].substring(comma + 1));
        store.writeText(ref, String.join("\n", lines));
    }

    @Test
    void queriesAreCheckedAgainstTheItemsSchemaAndTheRecipeBeforeTraining() {
        edit("batch/bingewatch/bingewatch-item-attribute-affinity/job_config.json", "ITEMS.GENRES = \\\"Drama\\\"\"}",
                "ITEMS.GENRES = \\\"Drama\\\" OR ITEMS.GENRES = \\\"Comedy\\\"\"}");
        edit("batch/bingewatch/bingewatch-item-affinity/job_config.json", "{\"itemId\"", "{\"itemAttributes\": \"ITEMS.GENRES = \\\"Drama\\\"\"}\n{\"itemId\"");

        assertThatThrownBy(() -> step.run(new TrainingConfigUploaded("bucket", CONFIG, TIME, "bucket")))
                .isInstanceOf(InvalidTrainingConfigException.class)
                .hasMessageContaining("2 problems")
                .hasMessageContaining("bingewatch-item-attribute-affinity/job_config.json, line 1, field itemAttributes")
                .hasMessageContaining("OR")
                .hasMessageContaining("bingewatch-item-affinity/job_config.json, line 1, field itemAttributes")
                .hasMessageContaining("answers {\"itemId\": ...} queries only");
    }

    @Test
    void aSchemaWithoutRequiredFieldsIsRefused() {
        edit(CONFIG, "\"TIMESTAMP\"", "\"WHEN\"");

        assertThatThrownBy(() -> step.run(new TrainingConfigUploaded("bucket", CONFIG, TIME, "bucket")))
                .isInstanceOf(InvalidTrainingConfigException.class)
                .hasMessageContaining("needs a non-null field TIMESTAMP of type long");
    }
}
