package io.contextualtargeting.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.contextualtargeting.formats.query.AttributeQuery;
import io.contextualtargeting.formats.query.AttributeTerm;
import io.contextualtargeting.formats.query.ItemQuery;
import io.contextualtargeting.formats.query.SegmentQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 1,000 known users, one query per kind with 100 positives: random's recall is 0.1 at every share. */
class TargetCheckTest {
    private static final int KNOWN_USERS = 1_000;
    private static final SegmentQuery ITEM = new ItemQuery("7");
    private static final SegmentQuery GENRE =
            new AttributeQuery("ITEMS.GENRES = \"Drama\"", List.of(new AttributeTerm("GENRES", "Drama")));

    /** Hits at 1 % (10 users) and 10 % (100 users); the other shares are not looked at. */
    private static int[] hits(int atOne, int atTen) {
        int[] hits = new int[HoldOutEvaluator.SHARES.length];
        for (int f = 0; f < hits.length; f++) {
            hits[f] = HoldOutEvaluator.SHARES[f] < 0.05 ? atOne : atTen;
        }
        return hits;
    }

    private static int[] sizes() {
        int[] sizes = new int[HoldOutEvaluator.SHARES.length];
        for (int f = 0; f < sizes.length; f++) {
            sizes[f] = (int) Math.round(HoldOutEvaluator.SHARES[f] * KNOWN_USERS);
        }
        return sizes;
    }

    private static Evaluation evaluation(List<int[]> itemHits, List<int[]> attributeHits) {
        return new Evaluation(new SplitSummary(8_000, 2_000, 0, KNOWN_USERS, KNOWN_USERS), HoldOutEvaluator.SHARES.clone(),
                sizes(), List.of(StandardMethods.ENGINE, StandardMethods.HISTORY),
                List.of(new QueryOutcome(ITEM, 100, itemHits, noSegments()), new QueryOutcome(GENRE, 100, attributeHits, noSegments())),
                List.of());
    }

    private static List<int[]> noSegments() {
        return List.of(new int[0], new int[0]);
    }

    @Test
    void aTieMeetsTheTargetAndTheBestBaselineIsNamedWhereTheEngineIsBehind() {
        TargetCheck check = TargetCheck.of(evaluation(List.of(hits(3, 40), hits(3, 50)), List.of(hits(6, 60), hits(2, 20))));

        assertThat(check.standings()).extracting(TargetCheck.Standing::toString).containsExactly(
                "item@1% engine 0.300 >= history 0.300",
                "item@10% engine 0.400 < history 0.500 (by 0.100, one query)",
                "attribute@1% engine 0.600 >= history 0.200",
                "attribute@10% engine 0.600 >= history 0.200");
        assertThat(check.itemLead()).get().extracting(TargetCheck.ItemLead::ratio).isEqualTo(1.0);
        assertThat(check.met()).isFalse();
        assertThat(check.summary()).startsWith("MISSED: ").contains("item@1% lead 1.00x (target 1.3x) MISSED");
    }

    @Test
    void theItemLeadAppliesOnlyWhereSomeMethodBeatsRandomTwice() {
        TargetCheck check = TargetCheck.of(evaluation(List.of(hits(1, 12), hits(1, 10)), List.of(hits(6, 60), hits(2, 20))));

        assertThat(check.itemLead()).isEmpty();
        assertThat(check.met()).isTrue();
        assertThat(check.summary()).startsWith("MET: ").endsWith("item@1% lead n/a (no method beats random 2x)");
    }

    @Test
    void whereTheLeadIsBeyondAPerfectSegmentAPerfectSegmentIsTheTarget() {
        // 10 positives for the item: 1 % of the users can hold them all
        TargetCheck perfect = TargetCheck.of(new Evaluation(new SplitSummary(8_000, 2_000, 0, KNOWN_USERS, KNOWN_USERS),
                HoldOutEvaluator.SHARES.clone(), sizes(), List.of(StandardMethods.ENGINE, StandardMethods.HISTORY),
                List.of(new QueryOutcome(ITEM, 10, List.of(hits(10, 10), hits(10, 10)), noSegments())), List.of()));
        TargetCheck nearlyPerfect = TargetCheck.of(evaluation(List.of(hits(9, 90), hits(8, 80)), List.of(hits(6, 60), hits(2, 20))));

        assertThat(perfect.met()).isTrue();
        assertThat(perfect.summary()).endsWith("item@1% lead 1.00x (target 1.3x, capped at a perfect 1.000) met");
        assertThat(nearlyPerfect.itemLead()).get().extracting(TargetCheck.ItemLead::target).isEqualTo(1.0);
        assertThat(nearlyPerfect.met()).isFalse();
    }

    @Test
    void aGapIsClearOnlyBeyondTwoStandardErrorsOfTheDifferencesOverTheQueries() {
        // three item queries of 100 positives; at 10 % the engine is behind history by 0.1 on each, or by 0.2, -0.1 and 0
        TargetCheck steady = TargetCheck.of(items(List.of(hits(3, 40), hits(3, 50)), List.of(hits(3, 40), hits(3, 50)),
                List.of(hits(3, 40), hits(3, 50))));
        TargetCheck noisy = TargetCheck.of(items(List.of(hits(3, 30), hits(3, 50)), List.of(hits(3, 50), hits(3, 40)),
                List.of(hits(3, 40), hits(3, 40))));

        TargetCheck.Standing steadyAt10 = steady.standings().get(1);
        TargetCheck.Standing noisyAt10 = noisy.standings().get(1);
        assertThat(steadyAt10.standardError()).isCloseTo(0, within(1e-12));
        assertThat(steadyAt10.clearlyBehind()).isTrue();
        assertThat(noisyAt10.standardError()).isCloseTo(Math.sqrt(0.14 / 3 / 2 / 3), within(1e-12));
        assertThat(noisyAt10.clearlyBehind()).isFalse();
        assertThat(noisyAt10).hasToString("item@10% engine 0.400 < history 0.433 (by 0.033, standard error 0.088)");
    }

    /** One item query of 100 positives per element: the engine's hits, then history's. */
    @SafeVarargs
    private static Evaluation items(List<int[]>... hitsPerQuery) {
        List<QueryOutcome> outcomes = java.util.Arrays.stream(hitsPerQuery)
                .map(h -> new QueryOutcome(ITEM, 100, h, noSegments())).toList();
        return new Evaluation(new SplitSummary(8_000, 2_000, 0, KNOWN_USERS, KNOWN_USERS), HoldOutEvaluator.SHARES.clone(),
                sizes(), List.of(StandardMethods.ENGINE, StandardMethods.HISTORY), outcomes, List.of());
    }

    @Test
    void randomCountsAsABaseline() {
        TargetCheck check = TargetCheck.of(evaluation(List.of(hits(0, 5), hits(0, 5)), List.of(hits(6, 60), hits(2, 20))));

        assertThat(check.standings().get(0)).hasToString("item@1% engine 0.000 < random 0.100 (by 0.100, one query)");
        assertThat(check.met()).isFalse();
    }
}
