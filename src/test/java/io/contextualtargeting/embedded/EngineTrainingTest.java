package io.contextualtargeting.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.engine.model.ConfidenceWeighting;
import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.engine.segment.ExplicitSettings;
import io.contextualtargeting.ports.SolutionSettings;
import io.contextualtargeting.workflow.training.TrainingConfigParser;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class EngineTrainingTest {
    /** A shop's training config: purchases weigh more than views, and views need a dwell time of 2 (EVENT_VALUE). */
    private static final String SHOP_CONFIG = """
            {
              "datasetGroup": {"serviceConfig": {"name": "shop"}},
              "datasets": {"interactions": {"dataset": {"serviceConfig": {"name": "shop-interactions"}},
                "schema": {"serviceConfig": {"name": "shop-interactions-schema", "schema": {"type": "record",
                  "name": "Interactions", "fields": [{"name": "USER_ID", "type": "string"},
                  {"name": "ITEM_ID", "type": "string"}, {"name": "TIMESTAMP", "type": "long"}]}}}}},
              "solutions": [{
                "serviceConfig": {"name": "shop-affinity", "recipeArn": "arn:aws:personalize:::recipe/aws-item-affinity",
                  "solutionConfig": {"algorithmHyperParameters": {"hidden_dimension": "128"}, "eventValueThreshold": "0.5",
                    "eventsConfig": {"eventParametersList": [{"eventType": "purchase", "weight": 1.0},
                                                             {"eventType": "view", "weight": 0.2, "eventValueThreshold": 2}]}}},
                "embeddedEngine": {"recencyHalfLifeDays": 30, "activityHalfLifeDays": 7, "iterations": 12,
                                   "otherEventTypeWeight": 0.1},
                "batchSegmentJobs": [{"serviceConfig": {"numResults": 10}}]
              }]
            }
            """;

    @Test
    void aTrainingConfigsSettingsReachTheEngine() {
        SolutionSettings settings = new TrainingConfigParser().parse("shop.json", SHOP_CONFIG).solutions().get(0).settings();

        EngineTraining training = EngineTraining.of(TrainingParameters.defaults().withSeed(7), settings);

        TrainingParameters parameters = training.parameters();
        assertThat(parameters.factors()).isEqualTo(128);
        assertThat(parameters.iterations()).isEqualTo(12);
        assertThat(parameters.seed()).as("the base's own settings stay").isEqualTo(7);
        ConfidenceWeighting weighting = parameters.weighting();
        assertThat(weighting.eventTypeWeights()).isEqualTo(Map.of("purchase", 1f, "view", 0.2f));
        assertThat(weighting.otherEventTypeWeight()).isEqualTo(0.1f);
        assertThat(weighting.minEventValue()).isEqualTo(0.5f);
        assertThat(weighting.eventTypeMinValues()).isEqualTo(Map.of("view", 2f));
        assertThat(training.explicit()).isEqualTo(new ExplicitSettings(OptionalDouble.of(30), OptionalDouble.of(7)));
    }

    @Test
    void noSettingsKeepTheBaseAndLeaveTheRestToTheData() {
        TrainingParameters base = TrainingParameters.defaults();

        EngineTraining training = EngineTraining.of(base, SolutionSettings.none());

        assertThat(training).isEqualTo(new EngineTraining(base, ExplicitSettings.none()));
    }
}
