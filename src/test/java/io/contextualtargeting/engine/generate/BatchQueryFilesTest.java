package io.contextualtargeting.engine.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.contextualtargeting.engine.generate.GeneratedDataset.ITEM_ID;
import static org.assertj.core.api.Assertions.assertThat;

class BatchQueryFilesTest {
    private static final Pattern GENRE_QUERY = Pattern.compile("ITEMS\\.GENRES = \"([^\"]+)\"");
    private static final Pattern GENRE_AND_YEAR_QUERY =
            Pattern.compile("ITEMS\\.GENRES = \"([^\"]+)\" AND ITEMS\\.RELEASE_YEAR = \"(\\d{4})\"");

    @TempDir
    static Path folder;
    private static GeneratedDataset dataset;
    private static List<String> attributeLines;
    private static List<String> itemLines;

    @BeforeAll
    static void generate() throws IOException {
        dataset = GeneratedDataset.generate(GeneratorSettings.of(1000, 500, 11).withInteractionsPerUser(30), folder);
        DatasetLayout layout = dataset.layout();
        attributeLines = field(layout.batchInput(layout.attributeAffinitySolution()), "itemAttributes");
        itemLines = field(layout.batchInput(layout.itemAffinitySolution()), "itemId");
    }

    @Test
    void attributeJobRespectsPersonalizeLimitOfTenLines() {
        assertThat(attributeLines).hasSizeBetween(3, 10).doesNotHaveDuplicates();
    }

    @Test
    void everyQueriedGenreExistsInTheItems() {
        List<String> genres = attributeLines.stream().map(GENRE_QUERY::matcher).filter(Matcher::lookingAt)
                .map(m -> m.group(1)).toList();
        assertThat(genres).hasSize(attributeLines.size());
        assertThat(genres).allSatisfy(genre -> assertThat(dataset.itemsById().keySet().stream()
                .filter(id -> dataset.genresOf(id).contains(genre))).isNotEmpty());
    }

    @Test
    void oneAndQueryMatchesWatchedItemsOfThatGenreAndYear() {
        List<Matcher> andQueries = attributeLines.stream().map(GENRE_AND_YEAR_QUERY::matcher)
                .filter(Matcher::matches).toList();
        assertThat(andQueries).hasSize(1);
        String genre = andQueries.get(0).group(1);
        String year = andQueries.get(0).group(2);
        assertThat(dataset.interactions().stream().filter(row -> dataset.genresOf(row[ITEM_ID]).contains(genre)
                && dataset.itemsById().get(row[ITEM_ID])[2].equals(year))).isNotEmpty();
    }

    @Test
    void itemJobRespectsPersonalizeLimitOfFiveHundredLines() {
        assertThat(itemLines).hasSizeBetween(2, 500).doesNotHaveDuplicates();
    }

    @Test
    void queriedItemsExistAndRangeFromTheMostWatchedToMiddlingOnes() {
        Map<String, Long> counts = dataset.interactions().stream()
                .collect(Collectors.groupingBy(row -> row[ITEM_ID], Collectors.counting()));
        List<Long> ranked = counts.values().stream().sorted((a, b) -> Long.compare(b, a)).toList();
        assertThat(itemLines).allSatisfy(id -> assertThat(dataset.itemsById()).containsKey(id));
        assertThat(itemLines).allSatisfy(id -> assertThat(counts).containsKey(id));
        assertThat(counts.get(itemLines.get(0))).isEqualTo(ranked.get(0));
        long median = ranked.get(ranked.size() / 2);
        assertThat(itemLines).anySatisfy(id -> assertThat(counts.get(id)).isLessThan(ranked.get(0) / 2).isGreaterThan(median));
    }

    private static List<String> field(Path jsonLines, String name) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> values = new ArrayList<>();
        for (String line : Files.readAllLines(jsonLines)) {
            JsonNode node = json.readTree(line);
            assertThat(node.size()).isEqualTo(1);
            values.add(node.get(name).asText());
        }
        return values;
    }
}
