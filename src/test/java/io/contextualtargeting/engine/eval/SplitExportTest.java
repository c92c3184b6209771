package io.contextualtargeting.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contextualtargeting.engine.model.ConfidenceWeighting;
import io.contextualtargeting.engine.segment.UserScorer;
import io.contextualtargeting.formats.data.CsvData;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.query.AttributeQuery;
import io.contextualtargeting.formats.query.AttributeTerm;
import io.contextualtargeting.formats.query.ItemQuery;
import io.contextualtargeting.formats.query.QueryKind;
import io.contextualtargeting.formats.query.SegmentQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Before the cutoff: u0..u199 with x, then u0 and u1 with i1. After it: u2, u3 and u5 with i1, a
 * newcomer with i1, u100..u146 with y (Comedy, like x). 253 rows, so 80 % is exactly the 202 before.
 */
class SplitExportTest {
    private static final TrainingData DATA = data();
    private static final HoldOutSplit SPLIT = HoldOutSplit.byTime(DATA, 0.8);

    @TempDir
    Path folder;

    @Test
    void writesTheTrainingRowsTheItemQueriesPositivesAndWhatTheEvaluationMeasured() throws IOException {
        Evaluation evaluation = HoldOutEvaluator.evaluate(SPLIT, List.of(new ItemQuery("i1"), new ItemQuery("x"),
                        new AttributeQuery("ITEMS.GENRES = \"Comedy\"", List.of(new AttributeTerm("GENRES",
                                "Comedy")))),
                List.of(new ScoringMethod("engine", ranking("u2", "u9")), new ScoringMethod("last active", ranking())));

        SplitExport.write(folder, "tiny", SPLIT, ConfidenceWeighting.uniform(), evaluation);

        List<String> train = Files.readAllLines(folder.resolve("train.csv"));
        assertThat(train).hasSize(1 + 202).startsWith("user,item,timestamp,weight")
                .contains(user("u1") + "," + item("i1") + "," + (CsvData.EPOCH + 201) + ",1.0")
                .noneMatch(line -> line.startsWith(user("u2") + "," + item("i1") + ","));
        // x has no positive, so only i1 is evaluated; attribute queries (Comedy) are not exported
        assertThat(Files.readAllLines(folder.resolve("positives.csv"))).containsExactly("item,user",
                item("i1") + "," + user("u2"), item("i1") + "," + user("u3"), item("i1") + "," + user("u5"));
        JsonNode meta = new ObjectMapper().readTree(folder.resolve("meta.json").toFile());
        assertThat(meta.path("setting").asText()).isEqualTo("tiny");
        assertThat(meta.path("knownUsers").asInt()).isEqualTo(200);
        assertThat(meta.path("itemQueries").asInt()).isEqualTo(1);
        assertThat(meta.path("segmentSizes").path("1%").asInt()).isEqualTo(2);
        assertThat(meta.path("segmentSizes").path("10%").asInt()).isEqualTo(20);
        // engine: u2, u9 first -> 1 hit of min(3, 2) at 1 %; all 3 in its top 20 (u0, u1, u3, u4, u5 ... follow)
        assertThat(meta.path("itemRecall").path("engine").path("1%").asDouble()).isEqualTo(0.5);
        assertThat(meta.path("itemRecall").path("engine").path("10%").asDouble()).isEqualTo(1.0);
        assertThat(meta.path("itemRecall").path("last active").path("1%").asDouble()).isEqualTo(0.0);
        double random = evaluation.results(QueryKind.ITEM).get(2).recall()[evaluation.shareIndex(0.10)];
        assertThat(meta.path("itemRecall").path("random").path("10%").asDouble()).isEqualTo(random);
    }

    @Test
    void rowsWeighAsTheEngineTrainsOnThemWithoutTheWeightingsFading() throws IOException {
        ConfidenceWeighting weighting = ConfidenceWeighting.uniform().withRecencyHalfLifeDays(1);
        Evaluation evaluation = HoldOutEvaluator.evaluate(SPLIT, List.of(new ItemQuery("i1")),
                List.of(new ScoringMethod("engine", ranking())));

        SplitExport.write(folder, "weighted", SPLIT, weighting, evaluation);

        // the engine chooses its own fading: it trains on the weights without the weighting's half-life
        assertThat(Files.readAllLines(folder.resolve("train.csv")).subList(1, 203)).allMatch(line -> line.endsWith(",1.0"));
    }

    private static int user(String id) {
        return DATA.users().indexOf(id);
    }

    private static int item(String id) {
        return DATA.items().indexOf(id);
    }

    private static UserScorer ranking(String... first) {
        return FixedRanking.of(DATA, SPLIT, first);
    }

    private static TrainingData data() {
        List<String> rows = new ArrayList<>();
        for (int u = 0; u < 200; u++) {
            rows.add("u" + u + ",x," + u);
        }
        rows.addAll(List.of("u0,i1,200", "u1,i1,201", "u2,i1,1000", "u3,i1,1001", "u5,i1,1002", "newcomer,i1,1003"));
        for (int u = 100; u < 147; u++) {
            rows.add("u" + u + ",y," + (1100 + u));
        }
        return CsvData.read("ITEM_ID,GENRES\nx,Comedy\ny,Comedy\ni1,Action\n", rows.toArray(String[]::new));
    }
}
