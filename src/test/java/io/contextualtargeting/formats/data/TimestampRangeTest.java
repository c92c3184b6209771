package io.contextualtargeting.formats.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimestampRangeTest {
    /** 2024-01-01T00:00:00Z. */
    private static final Clock NOW = Clock.fixed(Instant.ofEpochSecond(1_704_067_200L), ZoneOffset.UTC);

    @Test
    void secondsFrom1990ToOneDayAfterNowAreRead() {
        TrainingData data = read("u1,i1,631152000\nu1,i2,1704067200\nu2,i1,1704153600\n");

        assertThat(data.interactionCount()).isEqualTo(3);
        assertThat(data.timestamp(2)).isEqualTo(1_704_153_600L);
    }

    @Test
    void millisecondsStopTheReadWithTheFix() {
        assertThatThrownBy(() -> read("u1,i1,1700000000\nu1,i2,1700000000000\n"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("interactions.csv, line 3, field TIMESTAMP: 1700000000000 looks like milliseconds;"
                        + " Personalize needs whole seconds since 1970 (divide by 1000)");
    }

    @Test
    void microsecondsStopTheReadWithTheFix() {
        assertThatThrownBy(() -> read("u1,i1,1700000000000000\n"))
                .hasMessage("interactions.csv, line 2, field TIMESTAMP: 1700000000000000 looks like microseconds or"
                        + " nanoseconds; Personalize needs whole seconds since 1970 (divide by 1000000 or 1000000000)");
    }

    @Test
    void aRowMoreThanOneDayAfterNowStopsTheRead() {
        assertThatThrownBy(() -> read("u1,i1,1700000000\nu1,i2,1700000000\nu2,i1,1704153601\n"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("interactions.csv, line 4, field TIMESTAMP: 1704153601 is 2024-01-02T00:00:01Z, more than one"
                        + " day after now (2024-01-01T00:00:00Z); Personalize needs whole seconds since 1970:"
                        + " check the unit and the clock that wrote it");
    }

    @Test
    void aRowBefore1990StopsTheRead() {
        assertThatThrownBy(() -> read("u1,i1,631151999\n"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("interactions.csv, line 2, field TIMESTAMP: 631151999 is 1989-12-31T23:59:59Z, before 1990-01-01;"
                        + " Personalize needs whole seconds since 1970: check the unit and the clock that wrote it");
    }

    @Test
    void aNegativeTimestampIsBefore1990() {
        assertThatThrownBy(() -> read("u1,i1,-5\n"))
                .hasMessageStartingWith("interactions.csv, line 2, field TIMESTAMP: -5 is 1969-12-31T23:59:55Z, before 1990-01-01");
    }

    @Test
    void anImportCheckAppliesTheSameRange() {
        DataSource file = DataSource.ofText("interactions.csv", "USER_ID,ITEM_ID,TIMESTAMP\nu1,i1,1700000000000\n");

        assertThatThrownBy(() -> DatasetFiles.checkInteractions(file, Optional.empty(), NOW))
                .hasMessageStartingWith("interactions.csv, line 2, field TIMESTAMP: 1700000000000 looks like milliseconds");
    }

    private static TrainingData read(String rows) {
        return TrainingDataReader.read(DataSource.ofText("interactions.csv", "USER_ID,ITEM_ID,TIMESTAMP\n" + rows),
                Optional.empty(), Optional.empty(), DatasetSchemas.NONE, NOW);
    }
}
