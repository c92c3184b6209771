package io.contextualtargeting.engine.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A dataset generated into a folder by the real generator, with its CSV files read back as rows. */
record GeneratedDataset(SyntheticWorld world, GenerationSummary summary, List<String[]> interactions,
                        Map<String, String[]> itemsById, List<String[]> users, List<String[]> endpoints) {

    static final int USER_ID = 0;
    static final int ITEM_ID = 1;
    static final int EVENT_VALUE = 2;
    static final int EVENT_TYPE = 3;
    static final int TIMESTAMP = 4;
    static final int GENRES = 4;

    static GeneratedDataset generate(GeneratorSettings settings, Path root) throws IOException {
        GenerationSummary summary = new DatasetGenerator().generate(settings, root);
        DatasetLayout layout = summary.layout();
        Map<String, String[]> items = new HashMap<>();
        for (String[] item : rows(layout.items())) {
            items.put(item[0], item);
        }
        return new GeneratedDataset(SyntheticWorld.create(settings), summary, rows(layout.interactions()), items,
                rows(layout.users()), rows(layout.endpoints()));
    }

    /** Data rows of a CSV file without quoting (the generator never quotes). */
    static List<String[]> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        return lines.subList(1, lines.size()).stream().map(line -> line.split(",", -1)).toList();
    }

    static String header(Path csv) throws IOException {
        try (var lines = Files.lines(csv)) {
            return lines.findFirst().orElseThrow();
        }
    }

    List<String> genresOf(String itemId) {
        return List.of(itemsById.get(itemId)[GENRES].split("\\|"));
    }

    DatasetLayout layout() {
        return summary.layout();
    }
}
