package io.contextualtargeting.engine.segment;

import static io.contextualtargeting.engine.segment.ActivityRows.DAY;
import static io.contextualtargeting.engine.segment.ActivityRows.every;
import static io.contextualtargeting.engine.segment.ActivityRows.ones;
import static io.contextualtargeting.engine.segment.ActivityRows.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.formats.data.TrainingData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaceActivityTest {
    /** The newest interaction of every dataset below: the day silences are counted to. */
    private static final long NOW = 400 * DAY;

    @Test
    void aSilenceLongForTheUsersPaceCountsAgainstThemMoreThanTheSameCountOfRowsSuggests() {
        List<String> rows = new ArrayList<>();
        every("daily", 1, 30, NOW - 60 * DAY, rows); // 30 days in a row, silent for the last 60
        every("weekly", 7, 10, NOW - 3 * DAY, rows); // once a week, silent for 3 days
        every("anchor", 1, 2, NOW, rows);

        assertMoreActive(rows, "weekly", "daily");
    }

    @Test
    void ofTwoUsersAtOnePaceTheOneSilentForLessIsMoreActive() {
        List<String> rows = new ArrayList<>();
        every("recent", 2, 20, NOW - DAY, rows);
        every("gone", 2, 20, NOW - 200 * DAY, rows);

        assertMoreActive(rows, "recent", "gone");
    }

    @Test
    void ofTwoUsersSilentAsLongTheFasterIsMoreActive() {
        List<String> rows = new ArrayList<>();
        every("fast", 1, 40, NOW, rows);
        every("slow", 10, 4, NOW, rows);

        assertMoreActive(rows, "fast", "slow");
    }

    @Test
    void rowsOfNoWeightAreLeftOutAndALongSilenceStaysFinite() {
        List<String> rows = new ArrayList<>();
        every("weightless", 1, 3, NOW, rows);
        every("ancient", 1, 50, 10 * DAY + 50 * DAY, rows); // fast, then 330 days of silence
        float[] weights = ones(rows);
        for (int i = 0; i < 3; i++) {
            weights[i] = 0;
        }
        UserActivity activity = PaceActivity.of(read(rows), weights);

        assertThat(activity.logActivity(user(rows, "weightless"))).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(activity.logActivity(user(rows, "ancient"))).isFinite();
        assertThat(PaceActivity.logExpected(1.0 / DAY, 1e-8, 50 * 365 * DAY)).isFinite();
    }

    private static void assertMoreActive(List<String> rows, String more, String less) {
        UserActivity activity = PaceActivity.of(read(rows), ones(rows));
        assertThat(activity.logActivity(user(rows, more))).as("%s against %s", more, less)
                .isGreaterThan(activity.logActivity(user(rows, less)));
    }

    private static int user(List<String> rows, String id) {
        return read(rows).users().indexOf(id);
    }
}
