package io.contextualtargeting.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.formats.query.QueryKind;
import java.io.IOException;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CI quality gate of issue 9: on the two small settings of the quality matrix, the engine's
 * recall is at least the best baseline's (every other method, random included) at 1 % and 10 % of
 * users, for item and for attribute queries, all reported at once. Within {@link #NOISE}: on these
 * small datasets a handful of held-out users with one interaction each move a mean recall by that
 * much (small-movielens: recall@10 % is 0.99-1.00 for the engine and for "last active"). The same
 * queries ranked by the generator's planted chances, a ceiling, are above the engine.
 */
class EngineAgainstBaselinesTest {
    private static final double NOISE = 0.01;

    static Iterable<String> smallSettings() {
        return QualityMatrix.small().stream().map(MatrixSetting::name).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smallSettings")
    void engineIsAtLeastTheBestBaselineAtOneAndTenPercentForBothQueryKinds(String name) throws IOException {
        QualityBenchmark.SettingResult result = QualityBenchmark.evaluate(QualityMatrix.named(name),
                TrainingParameters.defaults().withThreads(2));

        assertThat(result.check().standings()).hasSize(2 * TargetCheck.SHARES.length);
        SoftAssertions softly = new SoftAssertions();
        for (TargetCheck.Standing standing : result.check().standings()) {
            softly.assertThat(standing.engine()).as("%s: %s", name, standing).isGreaterThanOrEqualTo(standing.best() - NOISE);
        }
        // the generator's planted chances know more than any method: a ceiling below the engine is a broken ceiling
        Evaluation evaluation = result.evaluation();
        for (QueryKind kind : QueryKind.values()) {
            MethodResult engine = evaluation.results(kind).stream()
                    .filter(r -> r.method().equals(StandardMethods.ENGINE)).findFirst().orElseThrow();
            for (double share : TargetCheck.SHARES) {
                softly.assertThat(result.ceiling(kind, share)).as("%s: the planted ceiling of %s queries at %s", name,
                        kind, share).isGreaterThanOrEqualTo(engine.recall()[evaluation.shareIndex(share)] - NOISE);
            }
        }
        softly.assertAll();
    }
}
