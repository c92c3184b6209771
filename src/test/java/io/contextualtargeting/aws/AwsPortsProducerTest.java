package io.contextualtargeting.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contextualtargeting.ports.EngagementPlatform;
import io.contextualtargeting.ports.Notifier;
import io.contextualtargeting.ports.ObjectStore;
import io.contextualtargeting.ports.SegmentationService;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableBean;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.pinpoint.PinpointClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/** The CDI wiring of the ports in the Lambda application: what is built, when, and from which settings. */
@QuarkusTest
@TestProfile(AwsPortsProducerTest.AwsSettings.class)
class AwsPortsProducerTest {

    @Inject
    ObjectStore objectStore;
    @Inject
    SegmentationService segmentationService;
    @Inject
    EngagementPlatform engagementPlatform;
    @Inject
    Notifier notifier;
    @Inject
    S3Client s3;
    @Inject
    SnsClient sns;

    @Test
    void portsAreTheAwsAdapters() {
        assertThat(unwrap(objectStore)).isInstanceOf(S3ObjectStore.class);
        assertThat(unwrap(segmentationService)).isInstanceOf(PersonalizeSegmentationService.class);
        assertThat(unwrap(notifier)).isInstanceOf(SnsNotifier.class);
    }

    @Test
    void extensionClientsGetTheExplicitRetryStrategy() {
        RetryStrategy s3Retries = s3.serviceClientConfiguration().overrideConfiguration().retryStrategy().orElseThrow();
        RetryStrategy snsRetries = sns.serviceClientConfiguration().overrideConfiguration().retryStrategy().orElseThrow();

        assertThat(s3Retries.maxAttempts()).isEqualTo(RetrySettings.DEFAULT.maxAttempts());
        assertThat(snsRetries.maxAttempts()).isEqualTo(RetrySettings.DEFAULT.maxAttempts());
    }

    @Test
    void pinpointClientIsNotBuiltUntilThePlatformIsUsed() {
        assertThat(created(PinpointClient.class)).isFalse();
    }

    @Test
    void missingApplicationIdFailsOnFirstUseNamingTheVariable() {
        assertThatThrownBy(() -> engagementPlatform.userEndpoints("u"))
                .hasMessageContaining("PINPOINT_APPLICATION_ID is not set");
    }

    private static boolean created(Class<?> type) {
        InjectableBean<?> bean = Arc.container().instance(type).getBean();
        return Arc.container().getActiveContext(ApplicationScoped.class).get(bean) != null;
    }

    private static Object unwrap(Object proxy) {
        return ((io.quarkus.arc.ClientProxy) proxy).arc_contextualInstance();
    }

    /** Settings as the template gives them, but no Pinpoint application; local endpoints, test credentials. */
    public static final class AwsSettings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("quarkus.lambda.handler", AwsWiringProbeHandler.NAME),
                    // a free port: other test JVMs on this machine may hold the default 8081
                    Map.entry("quarkus.lambda.mock-event-server.test-port", "0"),
                    Map.entry("personalize.role.arn", "arn:aws:iam::123456789012:role/Personalize"),
                    Map.entry("notification.topic.arn", "arn:aws:sns:us-east-1:123456789012:topic"),
                    Map.entry("quarkus.s3.endpoint-override", "http://127.0.0.1:9"),
                    Map.entry("quarkus.s3.aws.region", "us-east-1"),
                    Map.entry("quarkus.s3.aws.credentials.type", "static"),
                    Map.entry("quarkus.s3.aws.credentials.static-provider.access-key-id", "test-key"),
                    Map.entry("quarkus.s3.aws.credentials.static-provider.secret-access-key", "test-secret"),
                    Map.entry("quarkus.sns.endpoint-override", "http://127.0.0.1:9"),
                    Map.entry("quarkus.sns.aws.region", "us-east-1"),
                    Map.entry("quarkus.sns.aws.credentials.type", "static"),
                    Map.entry("quarkus.sns.aws.credentials.static-provider.access-key-id", "test-key"),
                    Map.entry("quarkus.sns.aws.credentials.static-provider.secret-access-key", "test-secret"),
                    Map.entry("aws.region", "us-east-1"));
        }
    }
}
