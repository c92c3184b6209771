package io.contextualtargeting.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.formats.data.DatasetSchemas;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.data.TrainingDataReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InteractionMatrixTest {

    @Test
    void repeatedPairsAreSummedAndRowsSortedByItem() {
        TrainingData data = read("USER_ID,ITEM_ID,TIMESTAMP\nu1,i2,1700000001\nu1,i1,1700000001\nu1,i2,1700000001\nu2,i1,1700000001\n");

        InteractionMatrix matrix = InteractionMatrix.byUser(data, ConfidenceWeighting.uniform(), 10f);

        assertThat(matrix.entries()).isEqualTo(3);
        assertThat(matrix.rowEnd(0) - matrix.rowStart(0)).isEqualTo(2);
        assertThat(matrix.column(0)).isEqualTo(data.items().indexOf("i2")).isZero();
        assertThat(matrix.strength(0)).isEqualTo(20f);
        assertThat(matrix.column(1)).isEqualTo(data.items().indexOf("i1"));
        assertThat(matrix.strength(1)).isEqualTo(10f);
    }

    @Test
    void repeatShareIsTheShareOfRowsThatRepeatAPair() {
        TrainingData data = read("USER_ID,ITEM_ID,TIMESTAMP\nu1,i2,1700000001\nu1,i1,1700000001\nu1,i2,1700000002\nu2,i1,1700000001\nu1,i2,1700000003\n");

        InteractionMatrix matrix = InteractionMatrix.byUser(data, ConfidenceWeighting.uniform(), 1f);

        assertThat(matrix.repeatShare()).isEqualTo(2 / 5.0);
        assertThat(matrix.transpose().repeatShare()).isEqualTo(2 / 5.0);
    }

    @Test
    void transposeListsUsersPerItem() {
        TrainingData data = read("USER_ID,ITEM_ID,TIMESTAMP\nu1,i2,1700000001\nu1,i1,1700000001\nu2,i1,1700000001\n");

        InteractionMatrix byItem = InteractionMatrix.byUser(data, ConfidenceWeighting.uniform(), 1f).transpose();
        int i1 = data.items().indexOf("i1");

        assertThat(byItem.rows()).isEqualTo(2);
        assertThat(byItem.rowEnd(i1) - byItem.rowStart(i1)).isEqualTo(2);
        assertThat(byItem.column(byItem.rowStart(i1))).isZero();
        assertThat(byItem.column(byItem.rowStart(i1) + 1)).isEqualTo(1);
    }

    @Test
    void rowsWithZeroWeightAreLeftOut() {
        TrainingData data = read("USER_ID,ITEM_ID,EVENT_TYPE,TIMESTAMP\nu1,i1,view,1700000001\nu1,i2,hover,1700000001\n");
        ConfidenceWeighting weighting = ConfidenceWeighting.uniform().withEventTypeWeights(java.util.Map.of("hover", 0f), 1f);

        InteractionMatrix matrix = InteractionMatrix.byUser(data, weighting, 1f);

        assertThat(matrix.entries()).isEqualTo(1);
    }

    private static TrainingData read(String csv) {
        return TrainingDataReader.read(DataSource.ofText("interactions.csv", csv), Optional.empty(), Optional.empty(),
                DatasetSchemas.NONE);
    }
}
