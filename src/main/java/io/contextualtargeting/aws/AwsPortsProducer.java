package io.contextualtargeting.aws;

import io.contextualtargeting.embedded.EmbeddedSegmentationService;
import io.contextualtargeting.ports.EngagementPlatform;
import io.contextualtargeting.ports.Notifier;
import io.contextualtargeting.ports.ObjectStore;
import io.contextualtargeting.ports.SegmentationService;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.pinpoint.PinpointClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;

/**
 * The four ports as CDI beans for the Lambda functions, backed by AWS. Every bean is
 * {@code @ApplicationScoped}, hence created on its first use: a function that never touches Pinpoint
 * never builds a Pinpoint client, nor needs its configuration. Configuration comes from
 * application.properties or the environment ({@code PERSONALIZE_ROLE_ARN} is property
 * {@code personalize.role.arn}, and so on); a missing value fails the first use that needs it, with
 * its name. The two role ARNs are needed only by the actions that pass them (dataset import, batch
 * segment job, segment import), as the template sets them only on those functions.
 * Any {@link ExecutionInterceptor} bean is added to every client.
 */
@ApplicationScoped
public class AwsPortsProducer {
    /** The values of SEGMENTATION_ENGINE, as the template's SegmentationEngine parameter names them. */
    public static final String PERSONALIZE = "Personalize";
    public static final String EMBEDDED = "Embedded";

    @Produces
    @Singleton
    AwsClientFactory clientFactory(@Any Instance<ExecutionInterceptor> interceptors) {
        return AwsClientFactory.fromEnvironment(interceptors.stream().toList());
    }

    /** Replaces the extension's client to give it our retries and interceptors (the builder keeps quarkus.s3.*). */
    @Produces
    @ApplicationScoped
    @Typed(S3Client.class)
    S3Client s3Client(S3ClientBuilder builder, AwsClientFactory factory) {
        return factory.withRetriesAndInterceptors(builder).build();
    }

    @Produces
    @ApplicationScoped
    @Typed(SnsClient.class)
    SnsClient snsClient(SnsClientBuilder builder, AwsClientFactory factory) {
        return factory.withRetriesAndInterceptors(builder).build();
    }

    @Produces
    @ApplicationScoped
    @Typed(PersonalizeClient.class)
    PersonalizeClient personalizeClient(AwsClientFactory factory) {
        return factory.personalize();
    }

    @Produces
    @ApplicationScoped
    @Typed(PinpointClient.class)
    PinpointClient pinpointClient(AwsClientFactory factory) {
        return factory.pinpoint();
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    ObjectStore objectStore(S3Client s3) {
        return new S3ObjectStore(s3);
    }

    /**
     * Amazon Personalize, or the embedded engine running in the function itself, as the template's
     * {@code SegmentationEngine} sets {@code SEGMENTATION_ENGINE} (property {@code segmentation.engine}):
     * one function.zip serves both. The Personalize client is built only when Personalize is chosen.
     */
    @Produces
    @ApplicationScoped
    @DefaultBean
    SegmentationService segmentationService(@ConfigProperty(name = "segmentation.engine", defaultValue = PERSONALIZE) String engine,
                                            Instance<PersonalizeClient> personalize, Instance<ObjectStore> store,
                                            @ConfigProperty(name = "personalize.role.arn") Optional<String> roleArn,
                                            @ConfigProperty(name = "embedded.engine.bucket") Optional<String> bucket,
                                            @ConfigProperty(name = "aws.region") Optional<String> region,
                                            @ConfigProperty(name = "embedded.engine.max.interactions", defaultValue = "0")
                                            long maxInteractions) {
        return segmentationService(engine, () -> new PersonalizeSegmentationService(personalize.get(), roleArn),
                () -> EmbeddedSegmentationService.inFunction(store.get(), required(bucket, "EMBEDDED_ENGINE_BUCKET"),
                        region.orElse("local"), maxInteractions));
    }

    /** The service {@code SEGMENTATION_ENGINE} names, {@value #PERSONALIZE} or {@value #EMBEDDED}; another value fails, naming both. */
    public static SegmentationService segmentationService(String engine, Supplier<SegmentationService> personalize,
                                                          Supplier<SegmentationService> embedded) {
        return switch (engine) {
            case PERSONALIZE -> personalize.get();
            case EMBEDDED -> embedded.get();
            default -> throw new IllegalStateException("SEGMENTATION_ENGINE is '" + engine + "': it must be " + PERSONALIZE
                    + " or " + EMBEDDED + " (the template's SegmentationEngine parameter sets it)");
        };
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    EngagementPlatform engagementPlatform(PinpointClient pinpoint,
                                          @ConfigProperty(name = "pinpoint.application.id") Optional<String> applicationId,
                                          @ConfigProperty(name = "pinpoint.import.role.arn") Optional<String> importRoleArn) {
        return new PinpointEngagementPlatform(pinpoint, required(applicationId, "PINPOINT_APPLICATION_ID"), importRoleArn);
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    Notifier notifier(SnsClient sns, @ConfigProperty(name = "notification.topic.arn") Optional<String> topicArn) {
        return new SnsNotifier(sns, required(topicArn, "NOTIFICATION_TOPIC_ARN"));
    }

    void closeS3(@Disposes S3Client client) {
        client.close();
    }

    void closeSns(@Disposes SnsClient client) {
        client.close();
    }

    void closePersonalize(@Disposes PersonalizeClient client) {
        client.close();
    }

    void closePinpoint(@Disposes PinpointClient client) {
        client.close();
    }

    static String required(Optional<String> value, String environmentVariable) {
        return value.filter(v -> !v.isBlank()).orElseThrow(() -> new IllegalStateException(environmentVariable
                + " is not set (property " + environmentVariable.toLowerCase(Locale.ROOT).replace('_', '.')
                + "): the function's environment in the template must define it"));
    }
}
