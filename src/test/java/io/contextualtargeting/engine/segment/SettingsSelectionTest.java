package io.contextualtargeting.engine.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contextualtargeting.engine.eval.QualityBenchmark;
import io.contextualtargeting.engine.eval.QualityMatrix;
import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.query.QueryKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SettingsSelectionTest {
    private static final TrainingParameters PARAMETERS = TrainingParameters.defaults().withFactors(8).withThreads(2);

    @Test
    void steadyTastesAreLearntFromTheWholeHistory() {
        SelectionReport report = SegmentModelTrainer.train(TasteShift.read(2_000, 12, Integer.MAX_VALUE / 100_000, 1),
                PARAMETERS).selection();
        ScoringChoice attributes = report.choice(QueryKind.ATTRIBUTE);

        assertThat(report.choices().get(QueryKind.ATTRIBUTE).figures()).as(report.lines().toString()).isNotNull();
        assertThat(fadedTaste(attributes)).as(report.lines().toString()).isZero();
    }

    @Test
    void aTasteShiftIsFollowedByAShortHalfLife() {
        SelectionReport report = SegmentModelTrainer.train(TasteShift.read(2_000, 12, 130, 1), PARAMETERS).selection();
        ScoringChoice attributes = report.choice(QueryKind.ATTRIBUTE);

        assertThat(fadedTaste(attributes)).as(report.lines().toString()).isPositive().isLessThanOrEqualTo(report.horizonDays());
    }

    @Test
    void smallDataIsAlsoJudgedOnThePeriodBeforeTheLatest() {
        SelectionReport report = SegmentModelTrainer.train(TasteShift.read(2_000, 12, 130, 1), PARAMETERS).selection();

        assertThat(report.basis()).contains("validated on the latest 20 %", "and on the 20 % before them");
        // each period has at most one query per genre: more queries than genres means both judged
        assertThat(report.choices().get(QueryKind.ATTRIBUTE).queries()).isGreaterThan(TasteShift.GENRES);
    }

    @Test
    void aChoiceOnAFewHundredUsersComesWithACaution() {
        SelectionReport few = SegmentModelTrainer.train(TasteShift.read(600, 12, 130, 1), PARAMETERS).selection();
        SelectionReport many = SegmentModelTrainer.train(TasteShift.read(2_000, 12, 130, 1), PARAMETERS).selection();

        assertThat(few.basis()).containsPattern("caution: 1 % of the latest period's users is [1-9] people");
        assertThat(many.basis()).doesNotContain("caution");
    }

    @Test
    void theConfidenceScaleStaysWhereTheLowerOneDoesNotValidateBetter() {
        SelectionReport report = SegmentModelTrainer.train(TasteShift.read(2_000, 12, Integer.MAX_VALUE / 100_000, 1),
                PARAMETERS).selection();

        assertThat(report.alpha()).isEqualTo(PARAMETERS.alpha());
        assertThat(report.basis()).endsWith("; the model's confidence scale alpha 10 (1 did not validate better)");
    }

    @Test
    void aLowerConfidenceScaleIsTakenWhereItValidatesBetter() throws IOException {
        // users who come, rate a burst and leave: the matrix's small-movielens shape, where alpha 1 validates better
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QualityBenchmark.runMatrix(List.of(QualityMatrix.named("small-movielens").withSeed(1)),
                TrainingParameters.defaults(), Optional.empty(), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("; the model's confidence scale alpha 1 (validated better than 10)");
    }

    @Test
    void theChoiceDoesNotTradeOneSegmentSizeForALossToARuleAtTheOther() throws IOException {
        // the matrix's shop, seed 1: the best blend on average over the item sizes validated behind
        // recent history at 10 % (0.439 against 0.441) for its lead at 1 %
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QualityBenchmark.runMatrix(List.of(QualityMatrix.named("shop").withSeed(1)),
                TrainingParameters.defaults(), Optional.empty(), new PrintStream(out, true, StandardCharsets.UTF_8));
        Matcher line = Pattern.compile("item queries: .*\\n\\s+validation recall@1% / @10% over \\d+ queries: chosen"
                + " ([0-9.]+) / ([0-9.]+); (.*)").matcher(out.toString(StandardCharsets.UTF_8));
        assertThat(line.find()).as(out.toString(StandardCharsets.UTF_8)).isTrue();
        Matcher rule = Pattern.compile("([a-z ]+) ([0-9.]+) / ([0-9.]+)").matcher(line.group(3));

        while (rule.find()) {
            assertThat(Double.parseDouble(line.group(1))).as(line.group()).isGreaterThanOrEqualTo(Double.parseDouble(rule.group(2)));
            assertThat(Double.parseDouble(line.group(2))).as(line.group()).isGreaterThanOrEqualTo(Double.parseDouble(rule.group(3)));
        }
    }

    @Test
    void itemQueriesAlsoSearchFromTheBestRule() throws IOException {
        // the matrix's small-movielens: users rate a burst and leave, so "last active" validates best of the
        // rules; the balanced start's ascent stays near its start and loses to it, while the blend of the model
        // with a fading activity lies next to the rule and validates clearly better at 1 %
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QualityBenchmark.runMatrix(List.of(QualityMatrix.named("small-movielens")),
                TrainingParameters.defaults(), Optional.empty(), new PrintStream(out, true, StandardCharsets.UTF_8));
        Matcher line = Pattern.compile("item queries: (.*)\\n\\s+validation recall@1% / @10% over \\d+ queries: chosen"
                + " ([0-9.]+) / [0-9.]+; .*last active ([0-9.]+) / ").matcher(out.toString(StandardCharsets.UTF_8));

        assertThat(line.find()).as(out.toString(StandardCharsets.UTF_8)).isTrue();
        assertThat(line.group(1)).as(line.group()).startsWith("model ").contains("x activity^");
        assertThat(Double.parseDouble(line.group(2))).as(line.group()).isGreaterThan(Double.parseDouble(line.group(3)) + 0.05);
    }

    @Test
    void explicitHalfLivesAreKept() {
        SelectionReport report = SegmentModelTrainer.train(TasteShift.read(500, 12, 130, 2), PARAMETERS,
                new ExplicitSettings(OptionalDouble.of(90), OptionalDouble.of(7))).selection();

        for (QueryKind kind : QueryKind.values()) {
            assertThat(report.choice(kind).historyHalfLifeDays()).isEqualTo(90);
            assertThat(report.choice(kind).tasteHalfLifeDays()).isEqualTo(90);
            assertThat(report.choice(kind).activityHalfLifeDays()).isEqualTo(7);
        }
    }

    @Test
    void onlyTheKindsAModelWillAnswerAreValidated() {
        TrainingData data = TasteShift.read(500, 12, 130, 2);
        SegmentModel both = SegmentModelTrainer.train(data, PARAMETERS);
        SegmentModel attributesOnly = SegmentModelTrainer.train(data, PARAMETERS, ExplicitSettings.none(),
                Set.of(QueryKind.ATTRIBUTE));

        assertThat(both.selection().choices()).containsOnlyKeys(QueryKind.ITEM, QueryKind.ATTRIBUTE);
        assertThat(attributesOnly.selection().choices()).containsOnlyKeys(QueryKind.ATTRIBUTE);
        assertThat(attributesOnly.selection().choices().get(QueryKind.ATTRIBUTE))
                .isEqualTo(both.selection().choices().get(QueryKind.ATTRIBUTE));
        assertThat(attributesOnly.selection().lines()).noneMatch(line -> line.contains(QueryKind.ITEM.label()));
        assertThatThrownBy(() -> attributesOnly.selection().choice(QueryKind.ITEM))
                .hasMessageContaining("trained for [ATTRIBUTE] queries only");
    }

    @Test
    void itemsAreValidatedOnTheItemsBoughtInTheHeldOutPeriodHoweverFewOfTheCatalogueThatIs() {
        // 400 users had 5 of 2,000 items each, then two of 10 "hot" items: an even spread over the
        // 2,000 ranks would hold one hot item, too few queries to validate by
        StringBuilder items = new StringBuilder("ITEM_ID,GENRES\n");
        for (int i = 0; i < 2_000; i++) {
            items.append('i').append(i).append(",g").append(i % 5).append('\n');
        }
        List<String> rows = new ArrayList<>();
        for (int u = 0; u < 400; u++) {
            for (int k = 0; k < 5; k++) {
                rows.add("u" + u + ",i" + (u * 5 + k) + "," + (u * 5 + k) * 3600L);
            }
        }
        for (int u = 0; u < 400; u++) {
            for (int k = 0; k < 2; k++) {
                rows.add("u" + u + ",i" + (u + 3 * k) % 10 + "," + (2_000 + 2 * u + k) * 3600L);
            }
        }
        TrainingData data = io.contextualtargeting.formats.data.CsvData.read(items.toString(), rows.toArray(String[]::new));

        SelectionReport.KindChoice choice = SegmentModelTrainer.train(data, PARAMETERS).selection().choices().get(QueryKind.ITEM);

        assertThat(choice.figures()).as(choice.toString()).isNotNull();
        assertThat(choice.queries()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void dataWhoseInteractionsShareOneSecondFallsBackAndSaysWhy() {
        TrainingData data = io.contextualtargeting.formats.data.CsvData.read("ITEM_ID,GENRES\ni1,Drama\ni2,Comedy\n",
                "u1,i1,5", "u2,i2,5", "u3,i1,5");
        SegmentModel model = SegmentModelTrainer.train(data, PARAMETERS);

        assertThat(model.selection().basis()).startsWith("not validated");
        assertThat(model.selection().choice(QueryKind.ITEM)).isEqualTo(ScoringChoice.fallback(QueryKind.ITEM, 0));
    }

    /** The half-life of whatever carries the user's taste in the choice (own history or model), 0 when it never fades. */
    private static double fadedTaste(ScoringChoice choice) {
        double history = choice.historyWeight() > 0 ? choice.historyHalfLifeDays() : Double.POSITIVE_INFINITY;
        double model = choice.usesModel() ? choice.tasteHalfLifeDays() : Double.POSITIVE_INFINITY;
        double shortest = Math.min(history == 0 ? Double.POSITIVE_INFINITY : history, model == 0 ? Double.POSITIVE_INFINITY : model);
        return Double.isInfinite(shortest) ? 0 : shortest;
    }
}
