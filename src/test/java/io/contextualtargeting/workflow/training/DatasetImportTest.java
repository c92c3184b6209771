package io.contextualtargeting.workflow.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.formats.Json;
import io.contextualtargeting.formats.data.CsvReader;
import io.contextualtargeting.formats.data.CsvRecord;
import io.contextualtargeting.local.personalize.LocalSegmentationService;
import io.contextualtargeting.local.store.FolderObjectStore;
import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.workflow.ResourcePendingException;
import io.contextualtargeting.workflow.training.DatasetImport.ImportDatasetRequest;
import io.contextualtargeting.workflow.training.TrainingPlan.DatasetPlan;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ImportDataset on the local adapters (the same step code as the Lambda function): Personalize
 * imports only the columns of the dataset's schema, so users.csv's E_MAIL never reaches it, while
 * the upload stays as it is for the Pinpoint endpoints.
 */
class DatasetImportTest {
    private static final Path SAMPLE = Path.of("data/personalize/train/bingewatch");
    private static final ObjectRef USERS = new ObjectRef("bucket", "train/bingewatch/users.csv");
    private static final String JOB = "bingewatch-users-20261202101500";

    @TempDir
    Path dir;
    private FolderObjectStore store;
    private LocalSegmentationService personalize;
    private DatasetImport step;

    @BeforeEach
    void setUp() {
        store = new FolderObjectStore(dir, (ref, size, etag) -> { });
        personalize = new LocalSegmentationService(store, TrainingParameters.defaults());
        step = new DatasetImport(personalize, store);
    }

    @Test
    void theSampleUsersAreImportedWithoutEmailAndWithTheSameRows() throws IOException {
        store.write(USERS, out -> Files.copy(SAMPLE.resolve("users.csv"), out));

        DatasetPlan imported = importUsers(usersSchema());

        assertThat(imported.importJobArn()).isNotBlank();
        List<List<String>> upload = rows(store.readText(USERS));
        List<List<String>> copy = rows(store.readText(SchemaColumnsCopy.copyOf(USERS, JOB)));
        assertThat(upload.get(0)).containsExactly("USER_ID", "GENDER", "E_MAIL", "AGE");
        assertThat(copy.get(0)).containsExactly("USER_ID", "GENDER", "AGE");
        assertThat(copy).hasSize(upload.size()).hasSizeGreaterThan(1000);
        for (int i = 0; i < upload.size(); i++) {
            List<String> row = upload.get(i);
            assertThat(copy.get(i)).as("row %d", i).containsExactly(row.get(0), row.get(1), row.get(3));
        }
        assertThat(store.readText(SchemaColumnsCopy.copyOf(USERS, JOB))).doesNotContain("@");
        assertThat(store.readText(USERS)).contains("@example.com");
    }

    @Test
    void quotedValuesStayTheSameValues() {
        store.writeText(USERS, "USER_ID,E_MAIL,GENDER,AGE\r\n"
                + "\"u,1\",\"a,b@example.com\",\"say \"\"hi\"\"\",30\r\n"
                + "u2,,\"two\nlines\",\"41\"\r\n");

        importUsers(usersSchema());

        String copy = store.readText(SchemaColumnsCopy.copyOf(USERS, JOB));
        assertThat(rows(copy)).containsExactly(List.of("USER_ID", "GENDER", "AGE"), List.of("u,1", "say \"hi\"", "30"),
                List.of("u2", "two\nlines", "41"));
        assertThat(copy).doesNotContain("example.com");
    }

    @Test
    void aFileOfOnlyTheSchemasColumnsIsImportedAsUploaded() {
        store.writeText(USERS, "USER_ID,GENDER,AGE\n1,F,30\n");
        DatasetPlan plan = plan(usersSchema());

        assertThat(new SchemaColumnsCopy(store).forImport(plan)).isEqualTo(USERS);
        assertThat(store.exists(SchemaColumnsCopy.copyOf(USERS, JOB))).isFalse();
    }

    /** The step is polled until the import job is ACTIVE: the copy is written once, not while Personalize reads it. */
    @Test
    void theCopyIsWrittenOncePerImportJob() {
        store.writeText(USERS, "USER_ID,E_MAIL,GENDER,AGE\n1,a@example.com,F,30\n");
        SchemaColumnsCopy files = new SchemaColumnsCopy(store);
        ObjectRef first = files.forImport(plan(usersSchema()));
        store.writeText(USERS, "USER_ID,E_MAIL,GENDER,AGE\n2,b@example.com,M,40\n");

        assertThat(files.forImport(plan(usersSchema()))).isEqualTo(first);
        assertThat(store.readText(first)).isEqualTo("USER_ID,GENDER,AGE\n1,F,30\n");
    }

    @Test
    void aRowWithTooFewValuesIsRefusedNamingItsLine() {
        store.writeText(USERS, "USER_ID,E_MAIL,GENDER,AGE\n1,a@example.com,F,30\n2,b@example.com,M\n");

        assertThatThrownBy(() -> new SchemaColumnsCopy(store).forImport(plan(usersSchema())))
                .hasMessageContaining("users.csv").hasMessageContaining("3").hasMessageContaining("has 3 fields, the header 4");
    }

    private DatasetPlan importUsers(String schema) {
        for (int poll = 0; poll < 20; poll++) {
            try {
                String group = new TrainingSteps(personalize).createDatasetGroup(
                        new TrainingPlan.DatasetGroupPlan("bingewatch", null, null)).arn();
                return step.importDataset(new ImportDatasetRequest(group, null, plan(schema)));
            } catch (ResourcePendingException pending) {
                // polled again, as the state machine's Retry does
            }
        }
        throw new AssertionError("the import job did not become ACTIVE");
    }

    private static DatasetPlan plan(String schema) {
        return new DatasetPlan("USERS", "bingewatch-users", "bingewatch-users-schema", schema, USERS.url(), JOB, null, null);
    }

    /** The users schema of the sample config: USER_ID, GENDER, AGE (no E_MAIL). */
    private static String usersSchema() {
        try {
            return Json.mapper().readTree(SAMPLE.resolve("bingewatch_config.json").toFile())
                    .at("/datasets/users/schema/serviceConfig/schema").toString();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<List<String>> rows(String csv) {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader reader = new CsvReader("csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
            CsvRecord record = new CsvRecord("csv");
            while (reader.next(record)) {
                List<String> row = new ArrayList<>();
                for (int i = 0; i < record.fieldCount(); i++) {
                    row.add(record.text(i));
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return rows;
    }
}
