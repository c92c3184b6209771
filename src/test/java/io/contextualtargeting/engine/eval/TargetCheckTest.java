package io.contextualtargeting.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static Evaluation evaluation(List<int[]> itemHits, List<int[]> attributeHits) {
        int[] sizes = new int[HoldOutEvaluator.SHARES.length];
        for (int f = 0; f < sizes.length; f++) {
            sizes[f] = (int) Math.round(HoldOutEvaluator.SHARES[f] * KNOWN_USERS);
        }
        return new Evaluation(new SplitSummary(8_000, 2_000, 0, KNOWN_USERS, KNOWN_USERS), HoldOutEvaluator.SHARES.clone(),
                sizes, List.of(StandardMethods.ENGINE, StandardMethods.HISTORY),
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
                "item@10% engine 0.400 < history 0.500",
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
    void randomCountsAsABaseline() {
        TargetCheck check = TargetCheck.of(evaluation(List.of(hits(0, 5), hits(0, 5)), List.of(hits(6, 60), hits(2, 20))));

        assertThat(check.standings().get(0)).hasToString("item@1% engine 0.000 < random 0.100");
        assertThat(check.met()).isFalse();
    }
}
