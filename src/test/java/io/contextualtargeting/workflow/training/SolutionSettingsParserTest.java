package io.contextualtargeting.workflow.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contextualtargeting.ports.SolutionSettings;
import io.contextualtargeting.ports.SolutionSettings.EmbeddedEngine;
import io.contextualtargeting.ports.SolutionSettings.EventParameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SolutionSettingsParserTest {
    private final TrainingConfigParser parser = new TrainingConfigParser();

    /** The test config with {@code solutionConfig} and the rest of the solution's keys set. */
    static String configWith(String solutionConfig, String solutionKeys) {
        String recipe = "\"recipeArn\": \"" + Recipes.ITEM_AFFINITY + "\"";
        return TrainingConfigParserTest.config("bw", Recipes.ITEM_AFFINITY, "5")
                .replace(recipe, recipe + ", \"solutionConfig\": " + solutionConfig)
                .replace("\"batchSegmentJobs\"", solutionKeys + (solutionKeys.isEmpty() ? "" : ", ") + "\"batchSegmentJobs\"");
    }

    static final String SHOP = configWith("""
            {"algorithmHyperParameters": {"hidden_dimension": "128"}, "eventValueThreshold": "0.5",
             "eventsConfig": {"eventParametersList": [{"eventType": "purchase", "weight": 1.0},
                                                      {"eventType": "view", "weight": 0.2, "eventValueThreshold": 2}]}}""",
            "\"embeddedEngine\": {\"recencyHalfLifeDays\": 30, \"activityHalfLifeDays\": 7, \"iterations\": 12,"
                    + " \"otherEventTypeWeight\": 0.1}");

    @Test
    void readsPersonalizesEventSettingsAndTheEmbeddedEngineBlock() {
        SolutionSettings settings = parser.parse("c.json", SHOP).solutions().get(0).settings();

        assertThat(settings.hyperparameters()).isEqualTo(Map.of("hidden_dimension", "128"));
        assertThat(settings.eventValueThreshold()).isEqualTo(0.5);
        assertThat(settings.eventParameters()).containsExactly(new EventParameters("purchase", null, 1.0),
                new EventParameters("view", 2.0, 0.2));
        assertThat(settings.embeddedEngine()).isEqualTo(new EmbeddedEngine(30.0, 7.0, 12, 0.1));
    }

    @Test
    void aSolutionWithoutSettingsHasNone() {
        SolutionSettings settings = parser.parse("c.json", TrainingConfigParserTest.config("bw", Recipes.ITEM_AFFINITY, "5"))
                .solutions().get(0).settings();

        assertThat(settings).isEqualTo(SolutionSettings.none());
    }

    @Test
    void eachBadEventSettingIsAProblemAtItsPath() {
        String text = configWith("""
                {"eventValueThreshold": "high",
                 "eventsConfig": {"eventParametersList": [{"weight": 0.5}, {"eventType": "view", "weight": 3},
                                                          {"eventType": "view", "eventValueThreshold": "x"}]}}""", "");

        assertThat(problems(text)).containsExactly(
                "solutions[0].serviceConfig.solutionConfig.eventValueThreshold: 'high' is not a number",
                "solutions[0].serviceConfig.solutionConfig.eventsConfig.eventParametersList[0].eventType: missing: the EVENT_TYPE"
                        + " these parameters apply to, e.g. \"purchase\"",
                "solutions[0].serviceConfig.solutionConfig.eventsConfig.eventParametersList[1].weight: '3' is not a number"
                        + " from 0 to 1 (Personalize's range)",
                "solutions[0].serviceConfig.solutionConfig.eventsConfig.eventParametersList[2].eventType: 'view' is listed"
                        + " more than once",
                "solutions[0].serviceConfig.solutionConfig.eventsConfig.eventParametersList[2].eventValueThreshold: 'x' is not"
                        + " a number");
    }

    @Test
    void moreThanTenEventTypesIsAProblem() {
        String eleven = String.join(", ", java.util.Collections.nCopies(11, "{\"eventType\": \"t\"}"));
        String text = configWith("{\"eventsConfig\": {\"eventParametersList\": [" + eleven + "]}}", "");

        assertThat(problems(text)).singleElement().asString()
                .startsWith("solutions[0].serviceConfig.solutionConfig.eventsConfig.eventParametersList: a list of at most 10");
    }

    @Test
    void eachBadEmbeddedEngineSettingIsAProblemAtItsPath() {
        String text = configWith("{}", "\"embeddedEngine\": {\"recencyHalfLifeDays\": -1, \"activityHalfLifeDays\": \"week\","
                + " \"iterations\": 0, \"otherEventTypeWeight\": -2, \"halfLife\": 3}");

        assertThat(problems(text)).containsExactly(
                "solutions[0].embeddedEngine.halfLife: unknown setting; the embedded engine takes activityHalfLifeDays,"
                        + " iterations, otherEventTypeWeight, recencyHalfLifeDays",
                "solutions[0].embeddedEngine.recencyHalfLifeDays: '-1' is not a number of days >= 0 (0: no decay)",
                "solutions[0].embeddedEngine.activityHalfLifeDays: 'week' is not a number of days >= 0 (0: no decay)",
                "solutions[0].embeddedEngine.iterations: '0' is not a whole number from 1 to 100",
                "solutions[0].embeddedEngine.otherEventTypeWeight: '-2' is not a weight >= 0");
    }

    @Test
    void problemsNameTheirLine() {
        String text = configWith("{}", "\"embeddedEngine\": {\"iterations\": 0}");

        assertThatThrownBy(() -> parser.parse("c.json", text))
                .isInstanceOfSatisfying(InvalidTrainingConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.line()).isEqualTo(lineOf(text, "\"iterations\": 0"))));
    }

    private List<String> problems(String text) {
        try {
            parser.parse("c.json", text);
        } catch (InvalidTrainingConfigException e) {
            return e.problems().stream().map(p -> p.field() + ": " + p.problem()).toList();
        }
        throw new AssertionError("the config was accepted");
    }

    private static long lineOf(String text, String fragment) {
        return text.substring(0, text.indexOf(fragment)).lines().count();
    }
}
