package io.contextualtargeting.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contextualtargeting.formats.data.CsvData;
import io.contextualtargeting.formats.data.TrainingData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoldOutSplitTest {
    private static final String ITEMS = "ITEM_ID,GENRES\ni1,Drama\n";

    @Test
    void trainsOnTheFirstEightyPercentByTimestampWhateverTheFileOrder() {
        TrainingData data = CsvData.read(ITEMS, "u1,i1,107", "u2,i1,101", "u1,i1,110", "u3,i1,104", "u2,i1,109",
                "u1,i1,102", "u3,i1,108", "u2,i1,103", "u1,i1,105", "u3,i1,106");

        HoldOutSplit split = HoldOutSplit.byTime(data, 0.8);

        assertThat(split.cutoff()).isEqualTo(CsvData.EPOCH + 109);
        assertThat(timestamps(split.training())).containsExactlyInAnyOrder(101L, 102L, 103L, 104L, 105L, 106L, 107L, 108L);
        assertThat(timestamps(split.heldOut())).containsExactlyInAnyOrder(109L, 110L);
        assertThat(split.training().users()).isSameAs(data.users());
    }

    @Test
    void interactionsSharingTheCutoffSecondAllGoToTheTestSide() {
        TrainingData data = CsvData.read(ITEMS, "u1,i1,1", "u1,i1,2", "u1,i1,3", "u1,i1,4", "u2,i1,4", "u3,i1,4");

        HoldOutSplit split = HoldOutSplit.byTime(data, 0.8);

        assertThat(timestamps(split.training())).containsExactly(1L, 2L, 3L);
        assertThat(split.heldOut().interactionCount()).isEqualTo(3);
    }

    @Test
    void usersWithoutTrainingInteractionsAreNotKnown() {
        TrainingData data = CsvData.read(ITEMS, "u1,i1,1", "u1,i1,2", "u1,i1,3", "u1,i1,4", "u2,i1,5");

        HoldOutSplit split = HoldOutSplit.byTime(data, 0.8);

        assertThat(split.isKnown(data.users().indexOf("u1"))).isTrue();
        assertThat(split.isKnown(data.users().indexOf("u2"))).isFalse();
        assertThat(split.knownUsers()).isEqualTo(1);
    }

    @Test
    void segmentSizeIsTheShareOfKnownUsersRoundedHalfUpAndAtLeastOne() {
        HoldOutSplit split = HoldOutSplit.byTime(usersActiveBeforeTheEnd(250), 0.8);

        assertThat(split.knownUsers()).isEqualTo(250);
        assertThat(split.segmentSize(0.01)).isEqualTo(3); // 2.5
        assertThat(split.segmentSize(0.005)).isEqualTo(1); // 1.25
        assertThat(split.segmentSize(0.001)).isEqualTo(1); // 0.25, but a segment holds someone
        assertThat(split.segmentSize(0.10)).isEqualTo(25);
    }

    @Test
    void interactionsAllInOneSecondCannotBeSplitInTime() {
        TrainingData data = CsvData.read(ITEMS, "u1,i1,7", "u2,i1,7");

        assertThatThrownBy(() -> HoldOutSplit.byTime(data, 0.8))
                .isInstanceOf(EvaluationException.class)
                .hasMessageStartingWith("interactions, field TIMESTAMP: no interaction is older than the last 20 %");
    }

    /** {@code users} users with one early interaction each, and later ones of a few of them to hold out. */
    private static TrainingData usersActiveBeforeTheEnd(int users) {
        List<String> rows = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            rows.add("u" + u + ",i1," + (1000 + u));
        }
        for (int u = 0; u < users / 3; u++) {
            rows.add("u" + u + ",i1," + (9000 + u));
        }
        return CsvData.read(ITEMS, rows.toArray(String[]::new));
    }

    private static List<Long> timestamps(TrainingData data) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < data.interactionCount(); i++) {
            times.add(data.timestamp(i) - CsvData.EPOCH);
        }
        return times;
    }
}
