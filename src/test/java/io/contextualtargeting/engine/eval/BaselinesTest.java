package io.contextualtargeting.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.engine.model.ConfidenceWeighting;
import io.contextualtargeting.engine.segment.UserScorer;
import io.contextualtargeting.formats.data.CsvData;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.query.AttributeQuery;
import io.contextualtargeting.formats.query.AttributeTerm;
import io.contextualtargeting.formats.query.ItemQuery;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselinesTest {
    private static final long DAY = 86_400;
    private static final String ITEMS = "ITEM_ID,GENRES\nd1,Drama\nd2,Drama\nc1,Comedy\n";
    /** heavy: 4 comedies; twice: d1 twice, long ago; once: d2 once, recently; late: d2 once, newest. */
    private static final TrainingData DATA = CsvData.read(ITEMS,
            "heavy,c1," + DAY, "heavy,c1," + 2 * DAY, "heavy,c1," + 3 * DAY, "heavy,c1," + 4 * DAY,
            "twice,d1," + DAY, "twice,d1," + 2 * DAY, "once,d2," + 95 * DAY, "late,d2," + 100 * DAY);
    private static final AttributeQuery DRAMA = new AttributeQuery("ITEMS.GENRES = \"Drama\"",
            List.of(new AttributeTerm("GENRES", "Drama")));

    @Test
    void mostActiveRanksUsersByTheirNumberOfInteractionsWhateverTheQuery() {
        UserScorer mostActive = new MostActiveUsers(DATA);

        assertThat(top(mostActive, new ItemQuery("d1"))).containsExactly("heavy", "twice", "once", "late");
    }

    @Test
    void historyCountsPastMatchingInteractionsAndOrdersEqualCountsByActivity() {
        UserScorer history = MatchingHistory.counted(DATA);

        assertThat(top(history, DRAMA)).containsExactly("twice", "once", "late", "heavy");
        assertThat(top(history, new ItemQuery("c1"))).startsWith("heavy", "twice");
    }

    @Test
    void recentHistoryWeighsPastMatchingInteractionsByRecency() {
        UserScorer recent = MatchingHistory.weighted(DATA, ConfidenceWeighting.uniform().withRecencyHalfLifeDays(15));

        assertThat(top(recent, DRAMA)).containsExactly("late", "once", "twice", "heavy");
    }

    @Test
    void usersWithoutTrainingInteractionsAreNeverRanked() {
        TrainingData withoutLate = DATA.select(i -> !DATA.users().id(DATA.user(i)).equals("late"));
        float[] scores = new float[DATA.userCount()];

        for (UserScorer scorer : List.of(new MostActiveUsers(withoutLate), MatchingHistory.counted(withoutLate),
                MatchingHistory.weighted(withoutLate, ConfidenceWeighting.uniform()))) {
            scorer.score(DRAMA, scores);
            assertThat(scores[DATA.users().indexOf("late")]).isEqualTo(Float.NEGATIVE_INFINITY);
        }
    }

    private static List<String> top(UserScorer scorer, io.contextualtargeting.formats.query.SegmentQuery query) {
        return Arrays.stream(scorer.topUsers(query, 10)).mapToObj(DATA.users()::id).toList();
    }
}
