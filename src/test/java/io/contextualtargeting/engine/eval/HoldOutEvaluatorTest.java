package io.contextualtargeting.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.contextualtargeting.engine.segment.UserScorer;
import io.contextualtargeting.formats.data.CsvData;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.query.AttributeQuery;
import io.contextualtargeting.formats.query.AttributeTerm;
import io.contextualtargeting.formats.query.ItemQuery;
import io.contextualtargeting.formats.query.QueryKind;
import io.contextualtargeting.formats.query.SegmentQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 200 users interact once before the cutoff. After it: u0..u4 with i1; u10 and u11 with d1 and
 * u12, u10 with d2 (both Drama); u100..u139 with filler item y; "newcomer", unknown before, with i1 and n1.
 */
class HoldOutEvaluatorTest {
    private static final TrainingData DATA = data();
    private static final HoldOutSplit SPLIT = HoldOutSplit.byTime(DATA, 0.8);
    private static final SegmentQuery I1 = new ItemQuery("i1");
    private static final SegmentQuery DRAMA = new AttributeQuery("ITEMS.GENRES = \"Drama\"",
            List.of(new AttributeTerm("GENRES", "Drama")));

    @Test
    void hitsArePositivesInTheTopKAndRecallDividesByTheSmallerOfPositivesAndK() {
        Evaluation evaluation = evaluate(List.of(I1), ranking("u0", "u9", "u1", "u2", "u3", "u4"));

        QueryOutcome outcome = evaluation.outcomes().get(0);
        int half = evaluation.shareIndex(0.005);
        int one = evaluation.shareIndex(0.01);
        int ten = evaluation.shareIndex(0.10);
        assertThat(outcome.positives()).isEqualTo(5); // the newcomer is no positive: no segment can hold them
        assertThat(evaluation.segmentSizes()[half]).isEqualTo(1);
        assertThat(evaluation.segmentSizes()[one]).isEqualTo(2);
        assertThat(evaluation.segmentSizes()[ten]).isEqualTo(20);
        assertThat(outcome.hits().get(0)[half]).isEqualTo(1);
        assertThat(outcome.hits().get(0)[one]).isEqualTo(1);
        assertThat(outcome.hits().get(0)[ten]).isEqualTo(5);
        assertThat(evaluation.recall(outcome, 0, half)).isEqualTo(1.0);
        assertThat(evaluation.recall(outcome, 0, one)).isEqualTo(0.5);
        assertThat(evaluation.recall(outcome, 0, ten)).isEqualTo(1.0);
    }

    @Test
    void attributeQueryPositivesHaveAHeldOutInteractionWithAnyMatchingItem() {
        Evaluation evaluation = evaluate(List.of(DRAMA), ranking("u12", "u11", "u50"));

        QueryOutcome outcome = evaluation.outcomes().get(0);
        assertThat(outcome.positives()).isEqualTo(3);
        assertThat(outcome.hits().get(0)[evaluation.shareIndex(0.01)]).isEqualTo(2);
        assertThat(evaluation.recall(outcome, 0, evaluation.shareIndex(0.01))).isEqualTo(1.0);
    }

    @Test
    void randomRecallIsTheExpectedShareOfPositivesInARandomSegment() {
        Evaluation evaluation = evaluate(List.of(I1), ranking());

        QueryOutcome outcome = evaluation.outcomes().get(0);
        int one = evaluation.shareIndex(0.01);
        assertThat(evaluation.randomHits(outcome, one)).isCloseTo(5 * 2 / 200.0, within(1e-12));
        assertThat(evaluation.randomRecall(outcome, one)).isCloseTo(0.05 / 2, within(1e-12));
        MethodResult random = evaluation.results(QueryKind.ITEM).get(1);
        assertThat(random.method()).isEqualTo(Evaluation.RANDOM);
        assertThat(random.recall()[one]).isCloseTo(0.025, within(1e-12));
    }

    @Test
    void averagesAreMeansOverTheQueriesOfOneKindAndLiftIsOverRandom() {
        Evaluation evaluation = evaluate(List.of(I1, new ItemQuery("y"), DRAMA), ranking("u0", "u100", "u10"));

        MethodResult items = evaluation.results(QueryKind.ITEM).get(0);
        int one = evaluation.shareIndex(0.01);
        // i1: top 2 = u0, u100 -> 1 hit of min(5, 2); y: u100 -> 1 hit of min(40, 2)
        assertThat(items.hits()[one]).isEqualTo(1.0);
        assertThat(items.recall()[one]).isEqualTo(0.5);
        MethodResult random = evaluation.results(QueryKind.ITEM).get(1);
        assertThat(Evaluation.lift(items, random, one)).isCloseTo(0.5 / random.recall()[one], within(1e-12));
        assertThat(evaluation.results(QueryKind.ATTRIBUTE).get(0).recall()[one]).as("Drama: u10 comes third")
                .isEqualTo(0.0);
    }

    @Test
    void queriesWithoutPositivesOrThatCannotBeAnsweredAreSkippedAndListed() {
        Evaluation evaluation = evaluate(List.of(I1, new ItemQuery("x"), new ItemQuery("n1"), new ItemQuery("zz")),
                ranking());

        assertThat(evaluation.outcomes()).extracting(QueryOutcome::query).containsExactly(I1);
        assertThat(evaluation.skipped(QueryKind.ITEM)).extracting(s -> s.query().value() + ": " + s.reason()).containsExactly(
                "x: no user with training interactions has a matching interaction in the test period",
                "n1: no user with training interactions has a matching interaction in the test period",
                "zz: item 'zz' is not in the training data");
    }

    @Test
    void eachMethodIsScoredOnTheSameQueries() {
        List<ScoringMethod> methods = List.of(new ScoringMethod("good", ranking("u0", "u1")),
                new ScoringMethod("bad", ranking("u50", "u51")));

        Evaluation evaluation = HoldOutEvaluator.evaluate(SPLIT, List.of(I1), methods);

        assertThat(evaluation.methods()).containsExactly("good", "bad");
        assertThat(evaluation.results(QueryKind.ITEM)).extracting(r -> r.recall()[evaluation.shareIndex(0.01)])
                .containsExactly(1.0, 0.0, 0.025);
    }

    private static Evaluation evaluate(List<SegmentQuery> queries, UserScorer scorer) {
        return HoldOutEvaluator.evaluate(SPLIT, queries, List.of(new ScoringMethod("fixed", scorer)));
    }

    private static UserScorer ranking(String... first) {
        return FixedRanking.of(DATA, SPLIT, first);
    }

    private static TrainingData data() {
        List<String> rows = new ArrayList<>();
        for (int u = 0; u < 200; u++) {
            rows.add("u" + u + ",x," + (1000 + u));
        }
        for (int u = 0; u < 5; u++) {
            rows.add("u" + u + ",i1," + (9000 + u));
        }
        rows.addAll(Arrays.asList("u10,d1,9010", "u11,d1,9011", "u12,d2,9012", "u10,d2,9013", "newcomer,i1,9014",
                "newcomer,n1,9015"));
        for (int u = 100; u < 140; u++) {
            rows.add("u" + u + ",y," + (9100 + u));
        }
        return CsvData.read("ITEM_ID,GENRES\nx,Comedy\ny,Comedy\ni1,Action\nd1,Drama\nd2,Drama|Crime\nn1,Action\n",
                rows.toArray(String[]::new));
    }
}
