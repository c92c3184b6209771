package io.contextualtargeting.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.engine.PlantedTastes;
import io.contextualtargeting.formats.data.TrainingData;
import org.junit.jupiter.api.Test;

class ImplicitAlsTrainerTest {
    // enough users for several Gram blocks and items long enough for the factor-major path
    private static final TrainingData DATA = new PlantedTastes(2500, 60, 12, 3).read();
    private static final TrainingParameters PARAMETERS = TrainingParameters.defaults().withFactors(16).withIterations(3);

    @Test
    void sameSeedGivesBitIdenticalFactorsWithOneOrTwoThreads() {
        LatentFactors one = train(PARAMETERS.withThreads(1));
        LatentFactors two = train(PARAMETERS.withThreads(2));

        assertThat(identical(one.users(), two.users())).isTrue();
        assertThat(identical(one.items(), two.items())).isTrue();
    }

    @Test
    void differentSeedGivesDifferentFactors() {
        LatentFactors first = train(PARAMETERS.withSeed(1));
        LatentFactors second = train(PARAMETERS.withSeed(2));

        assertThat(identical(first.items(), second.items())).isFalse();
    }

    @Test
    void observedPairsArePredictedAboveUnobservedOnes() {
        LatentFactors factors = train(PARAMETERS);
        float[] aUser = factors.users().row(DATA.users().indexOf("auser0"));
        float[] actionItem = factors.items().row(DATA.items().indexOf("a1"));
        float[] dramaItem = factors.items().row(DATA.items().indexOf("d1"));

        assertThat(VectorMath.dot(aUser, actionItem, 16)).isGreaterThan(0.5f);
        assertThat(VectorMath.dot(aUser, dramaItem, 16)).isLessThan(0.1f);
    }

    @Test
    void userWithoutTrainingInteractionsGetsZeroFactors() {
        TrainingData withoutFirstUser = DATA.select(i -> DATA.user(i) != 0);
        LatentFactors factors = ImplicitAlsTrainer.train(
                InteractionMatrix.byUser(withoutFirstUser, PARAMETERS.weighting(), PARAMETERS.alpha()), PARAMETERS);

        assertThat(factors.users().row(0)).containsOnly(0f);
    }

    private static LatentFactors train(TrainingParameters parameters) {
        return ImplicitAlsTrainer.train(InteractionMatrix.byUser(DATA, parameters.weighting(), parameters.alpha()), parameters);
    }

    private static boolean identical(FactorMatrix a, FactorMatrix b) {
        for (int r = 0; r < a.size(); r++) {
            if (!java.util.Arrays.equals(a.row(r), b.row(r))) {
                return false;
            }
        }
        return true;
    }
}
