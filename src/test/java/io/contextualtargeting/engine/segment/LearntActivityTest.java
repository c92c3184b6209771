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

class LearntActivityTest {
    private static final long NOW = 2000 * DAY;

    @Test
    void whereUsersComeBackAfterAFixedPauseALongSilenceMeansTheyAreAboutToReturn() {
        List<String> rows = new ArrayList<>();
        for (int u = 0; u < 300; u++) { // every 30 days for a year, each on their own day of the month
            int silence = u % 30;
            every("u" + u, 30, 13, NOW - silence * DAY, rows);
        }
        TrainingData data = read(rows);
        UserActivity learnt = LearntActivity.of(data, ones(rows));
        int dueSoon = data.users().indexOf("u28");
        int justBack = data.users().indexOf("u1");

        assertThat(learnt.logActivity(dueSoon)).isGreaterThan(learnt.logActivity(justBack));
        UserActivity pace = PaceActivity.of(data, ones(rows)); // a model of leaving reads the same silence the other way
        assertThat(pace.logActivity(dueSoon)).isLessThan(pace.logActivity(justBack));
    }

    @Test
    void whereUsersLeaveForGoodALongSilenceCountsAgainstThem() {
        List<String> rows = new ArrayList<>();
        for (int u = 0; u < 300; u++) { // every 2 days until a day of their own, many still there at the end
            long left = Math.min(0, 150 - u) * DAY;
            every("u" + u, 2, 100, NOW + left, rows);
        }
        TrainingData data = read(rows);
        UserActivity learnt = LearntActivity.of(data, ones(rows));

        assertThat(learnt.logActivity(data.users().indexOf("u10")))
                .isGreaterThan(learnt.logActivity(data.users().indexOf("u200")))
                .isGreaterThan(learnt.logActivity(data.users().indexOf("u290")));
    }

    @Test
    void withTooFewUsersToLearnFromActivityComesFromPace() {
        List<String> rows = new ArrayList<>();
        every("fast", 1, 40, NOW, rows);
        every("slow", 10, 4, NOW, rows);
        TrainingData data = read(rows);

        UserActivity learnt = LearntActivity.of(data, ones(rows));
        UserActivity pace = PaceActivity.of(data, ones(rows));
        for (int u = 0; u < data.userCount(); u++) {
            assertThat(learnt.logActivity(u)).isEqualTo(pace.logActivity(u));
        }
    }
}
