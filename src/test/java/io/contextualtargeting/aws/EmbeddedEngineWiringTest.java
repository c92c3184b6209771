package io.contextualtargeting.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contextualtargeting.embedded.EmbeddedSegmentationService;
import io.contextualtargeting.ports.SegmentationService;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.arc.InjectableBean;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/** The same application with SEGMENTATION_ENGINE=Embedded, as the template sets it: the engine runs in the function. */
@QuarkusTest
@TestProfile(EmbeddedEngineWiringTest.EmbeddedSettings.class)
class EmbeddedEngineWiringTest {

    @Inject
    SegmentationService segmentationService;

    @Test
    void theSegmentationServiceIsTheEmbeddedEngineAndNoPersonalizeClientIsBuilt() {
        assertThat(((ClientProxy) segmentationService).arc_contextualInstance()).isInstanceOf(EmbeddedSegmentationService.class);
        InjectableBean<?> personalize = Arc.container().instance(PersonalizeClient.class).getBean();
        assertThat(Arc.container().getActiveContext(ApplicationScoped.class).get(personalize)).isNull();
    }

    @Test
    void anUnknownEngineFailsNamingTheVariableAndTheChoices() {
        assertThatThrownBy(() -> AwsPortsProducer.segmentationService("personalize", () -> null, () -> null))
                .hasMessageContaining("SEGMENTATION_ENGINE is 'personalize'").hasMessageContaining("Personalize or Embedded");
    }

    public static final class EmbeddedSettings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> settings = new HashMap<>(new AwsPortsProducerTest.AwsSettings().getConfigOverrides());
            settings.put("segmentation.engine", "Embedded");
            settings.put("embedded.engine.bucket", "artefacts");
            return settings;
        }
    }
}
