package io.contextualtargeting.local.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.embedded.EngineTraining;
import io.contextualtargeting.ports.SolutionSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

class TrainingOptionsTest {

    @Test
    void withoutOptionsOrConfigTheEngineDefaultsApply() {
        EngineTraining training = parse(SolutionSettings.none());

        assertThat(training).isEqualTo(EngineTraining.defaults());
    }

    @Test
    void aShopWeighsPurchasesAboveViews() {
        EngineTraining training = parse(SolutionSettings.none(), "--event-type-weights", "purchase=3,view=1,*=0.5",
                "--event-value-threshold", "2", "--recency-half-life-days", "30", "--activity-half-life-days", "0",
                "--factors", "16", "--iterations", "4");

        TrainingParameters parameters = training.parameters();
        assertThat(parameters.weighting().eventTypeWeights()).isEqualTo(Map.of("purchase", 3f, "view", 1f));
        assertThat(parameters.weighting().otherEventTypeWeight()).isEqualTo(0.5f);
        assertThat(parameters.weighting().minEventValue()).isEqualTo(2f);
        assertThat(parameters.factors()).isEqualTo(16);
        assertThat(parameters.iterations()).isEqualTo(4);
        assertThat(training.explicit().recencyHalfLifeDays()).hasValue(30);
        assertThat(training.explicit().activityHalfLifeDays()).hasValue(0);
    }

    @Test
    void optionsOverrideTheConfigsSettingsAndKeepTheRest() {
        SolutionSettings configured = new SolutionSettings(Map.of("hidden_dimension", "128"), 1.0,
                List.of(new SolutionSettings.EventParameters("purchase", null, 1.0),
                        new SolutionSettings.EventParameters("view", null, 0.2)),
                new SolutionSettings.EmbeddedEngine(60.0, 7.0, 12, null));

        EngineTraining training = parse(configured, "--event-type-weights", "view=0.5", "--recency-half-life-days", "10",
                "--iterations", "3");

        assertThat(training.parameters().factors()).as("from the config").isEqualTo(128);
        assertThat(training.parameters().iterations()).isEqualTo(3);
        assertThat(training.parameters().weighting().eventTypeWeights()).isEqualTo(Map.of("purchase", 1f, "view", 0.5f));
        assertThat(training.parameters().weighting().minEventValue()).as("from the config").isEqualTo(1f);
        assertThat(training.explicit().recencyHalfLifeDays()).hasValue(10);
        assertThat(training.explicit().activityHalfLifeDays()).as("from the config").hasValue(7);
    }

    @Test
    void badEventTypeWeightsAreAUsageErrorNamingTheOption() {
        for (String bad : List.of("purchase", "purchase=-1", "=2", "purchase=x", "view=1,view=2")) {
            assertThatThrownBy(() -> parse(SolutionSettings.none(), "--event-type-weights", bad)).as(bad)
                    .isInstanceOf(UsageException.class)
                    .hasMessageStartingWith("option --event-type-weights expects distinct TYPE=WEIGHT pairs");
        }
    }

    @Test
    void badNumbersAreUsageErrorsNamingTheOption() {
        assertThatThrownBy(() -> parse(SolutionSettings.none(), "--recency-half-life-days", "-1"))
                .isInstanceOf(UsageException.class)
                .hasMessage("option --recency-half-life-days expects 0 (no decay) or a positive number of days, got -1.0");
        assertThatThrownBy(() -> parse(SolutionSettings.none(), "--event-value-threshold", "high"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("'--event-value-threshold': 'high' is not a double");
        assertThatThrownBy(() -> parse(SolutionSettings.none(), "--activity-half-life-days", "NaN"))
                .hasMessage("option --activity-half-life-days expects a number, got 'NaN'");
        assertThatThrownBy(() -> parse(SolutionSettings.none(), "--event-value-threshold", "Infinity"))
                .hasMessage("option --event-value-threshold expects a number, got 'Infinity'");
        assertThatThrownBy(() -> parse(SolutionSettings.none(), "--factors", "0"))
                .isInstanceOf(UsageException.class)
                .hasMessage("option --factors must be between 1 and 1024, got 0");
    }

    private static EngineTraining parse(SolutionSettings configured, String... options) {
        Holder holder = new Holder();
        new CommandLine(holder).parseArgs(options);
        return holder.options.training(configured);
    }

    @Command(name = "holder")
    static final class Holder {
        @Mixin
        TrainingOptions options;
    }
}
