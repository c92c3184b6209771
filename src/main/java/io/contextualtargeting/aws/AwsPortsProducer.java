package io.contextualtargeting.aws;

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

    @Produces
    @ApplicationScoped
    @DefaultBean
    SegmentationService segmentationService(PersonalizeClient personalize,
                                            @ConfigProperty(name = "personalize.role.arn") Optional<String> roleArn) {
        return new PersonalizeSegmentationService(personalize, roleArn);
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
