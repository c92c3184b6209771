package io.contextualtargeting.engine.generate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.contextualtargeting.engine.generate.GeneratedDataset.ITEM_ID;
import static io.contextualtargeting.engine.generate.GeneratedDataset.TIMESTAMP;
import static io.contextualtargeting.engine.generate.GeneratedDataset.USER_ID;
import static org.assertj.core.api.Assertions.assertThat;

class DatasetGeneratorTest {
    private static final GeneratorSettings SMALL = GeneratorSettings.of(300, 200, 7).withInteractionsPerUser(20);

    @TempDir
    static Path folder;
    private static GeneratedDataset dataset;

    @BeforeAll
    static void generate() throws IOException {
        dataset = GeneratedDataset.generate(SMALL.withThreads(2), folder.resolve("data"));
    }

    @Test
    void writesTheReferenceDataLayout() {
        Path root = folder.resolve("data");
        assertThat(root.resolve("personalize/train/bingewatch/bingewatch_config.json")).isRegularFile();
        assertThat(root.resolve("personalize/train/bingewatch/interactions.csv")).isRegularFile();
        assertThat(root.resolve("personalize/train/bingewatch/items.csv")).isRegularFile();
        assertThat(root.resolve("personalize/train/bingewatch/users.csv")).isRegularFile();
        assertThat(root.resolve("personalize/batch/bingewatch/bingewatch-item-attribute-affinity/job_config.json"))
                .isRegularFile();
        assertThat(root.resolve("personalize/batch/bingewatch/bingewatch-item-affinity/job_config.json"))
                .isRegularFile();
        assertThat(root.resolve("pinpoint/endpoints.csv")).isRegularFile();
    }

    @Test
    void csvFilesHavePersonalizeAndPinpointHeaders() throws IOException {
        DatasetLayout layout = dataset.layout();
        assertThat(GeneratedDataset.header(layout.interactions())).isEqualTo("USER_ID,ITEM_ID,EVENT_VALUE,EVENT_TYPE,TIMESTAMP");
        assertThat(GeneratedDataset.header(layout.items())).isEqualTo("ITEM_ID,TITLE,RELEASE_YEAR,CREATION_TIMESTAMP,GENRES");
        assertThat(GeneratedDataset.header(layout.users())).isEqualTo("USER_ID,GENDER,E_MAIL,AGE");
        assertThat(GeneratedDataset.header(layout.endpoints()))
                .isEqualTo("User.UserId,ChannelType,User.UserAttributes.Gender,Address,User.UserAttributes.Age,OptOut");
    }

    @Test
    void everyRowHasAllColumnsFilled() {
        assertThat(dataset.interactions()).allSatisfy(row -> assertThat(row).hasSize(5).doesNotContain(""));
        assertThat(dataset.itemsById().values()).allSatisfy(row -> assertThat(row).hasSize(5).doesNotContain(""));
        assertThat(dataset.users()).allSatisfy(row -> assertThat(row).hasSize(4).doesNotContain(""));
        assertThat(dataset.users()).hasSize(300);
        assertThat(dataset.itemsById()).hasSize(200);
    }

    @Test
    void summaryCountsWhatWasWritten() {
        GenerationSummary summary = dataset.summary();
        assertThat(summary.interactions()).isEqualTo(dataset.interactions().size());
        assertThat(summary.endpoints()).isEqualTo(dataset.endpoints().size());
        assertThat(summary.csvLines()).isEqualTo(4 + 300 + 200 + dataset.interactions().size() + dataset.endpoints().size());
    }

    @Test
    void interactionsReferToKnownUsersAndItems() {
        List<String> userIds = dataset.users().stream().map(row -> row[0]).toList();
        assertThat(dataset.interactions()).allSatisfy(row -> {
            assertThat(userIds).contains(row[USER_ID]);
            assertThat(dataset.itemsById()).containsKey(row[ITEM_ID]);
        });
    }

    @Test
    void interactionsLieInThePeriodAndAfterTheItemExists() {
        Period period = dataset.summary().period();
        assertThat(dataset.interactions()).allSatisfy(row -> {
            long t = Long.parseLong(row[TIMESTAMP]);
            assertThat(t).isBetween(period.start(), period.end() - 1);
            assertThat(t).isGreaterThanOrEqualTo(Long.parseLong(dataset.itemsById().get(row[ITEM_ID])[3]));
        });
    }

    @Test
    void someItemsAreReleasedDuringThePeriod() {
        long start = dataset.summary().period().start();
        assertThat(dataset.itemsById().values()).anySatisfy(item -> assertThat(Long.parseLong(item[3])).isGreaterThan(start));
        assertThat(dataset.itemsById().values()).anySatisfy(item -> assertThat(Long.parseLong(item[3])).isLessThan(start));
    }

    @Test
    void periodEndsOnAMidnightDerivedFromTheSeed() {
        assertThat(Period.forSeed(7, 365)).isEqualTo(dataset.summary().period());
        assertThat(Period.forSeed(7, 365).end() % Period.DAY).isZero();
        assertThat(Period.forSeed(7, 365).length()).isEqualTo(365 * Period.DAY);
        assertThat(Stream.of(1L, 2L, 3L, 4L).map(seed -> Period.forSeed(seed, 365).end()).distinct()).hasSizeGreaterThan(1);
    }

    @Test
    void sameSettingsGiveIdenticalBytesWhateverTheThreadCount(@TempDir Path other) throws IOException {
        new DatasetGenerator().generate(SMALL.withThreads(1), other);
        for (Path file : files(dataset.layout())) {
            Path copy = other.resolve(dataset.layout().root().relativize(file));
            assertThat(Files.mismatch(file, copy)).as(file.toString()).isEqualTo(-1L);
        }
    }

    @Test
    void anotherSeedGivesOtherData(@TempDir Path other) throws IOException {
        DatasetLayout changed = new DatasetGenerator().generate(
                new GeneratorSettings(300, 200, 20, 8, "bingewatch", 15, 365, 2), other).layout();
        assertThat(Files.mismatch(changed.interactions(), dataset.layout().interactions())).isNotEqualTo(-1L);
        assertThat(Files.mismatch(changed.items(), dataset.layout().items())).isNotEqualTo(-1L);
        assertThat(Files.mismatch(changed.users(), dataset.layout().users())).isNotEqualTo(-1L);
    }

    @Test
    void generatesUnderTheGivenDatasetName(@TempDir Path other) throws IOException {
        DatasetLayout layout = new DatasetGenerator().generate(SMALL.withName("shop"), other).layout();
        assertThat(other.resolve("personalize/train/shop/shop_config.json")).isRegularFile();
        assertThat(other.resolve("personalize/batch/shop/shop-item-affinity/job_config.json")).isRegularFile();
        assertThat(layout.solutions()).containsExactly("shop-item-attribute-affinity", "shop-item-affinity");
    }

    private static List<Path> files(DatasetLayout layout) {
        return List.of(layout.trainingConfig(), layout.interactions(), layout.items(), layout.users(),
                layout.batchInput(layout.attributeAffinitySolution()), layout.batchInput(layout.itemAffinitySolution()),
                layout.endpoints());
    }
}
