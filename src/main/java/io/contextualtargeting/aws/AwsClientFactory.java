package io.contextualtargeting.aws;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.pinpoint.PinpointClient;

/**
 * Builds the AWS clients that no Quarkus extension provides (Personalize, Pinpoint), all alike:
 * the URL-connection HTTP client (native-image friendly: no Netty, no Apache), the explicit retry
 * strategy of {@link RetrySettings}, and the caller's extra execution interceptors (for example one
 * that records which API actions a handler calls). {@link #withRetriesAndInterceptors} gives the
 * same retries and interceptors to a builder that Quarkus prepared (S3, SNS).
 *
 * @param region       the region, or empty to take it from the environment ({@code AWS_REGION} in Lambda)
 * @param endpoint     an endpoint override (tests, VPC endpoints), or empty for the service's own
 * @param credentials  where credentials come from
 * @param retry        retry attempts and backoff
 * @param interceptors added to every client, in order
 */
public record AwsClientFactory(Optional<Region> region, Optional<URI> endpoint, AwsCredentialsProvider credentials,
                               RetrySettings retry, List<ExecutionInterceptor> interceptors) {

    public AwsClientFactory {
        interceptors = List.copyOf(interceptors);
    }

    /** Region and credentials from the environment, the AWS endpoints, default retries. */
    public static AwsClientFactory fromEnvironment(List<ExecutionInterceptor> interceptors) {
        return new AwsClientFactory(Optional.empty(), Optional.empty(), DefaultCredentialsProvider.builder().build(),
                RetrySettings.DEFAULT, interceptors);
    }

    public PersonalizeClient personalize() {
        return configure(PersonalizeClient.builder()).build();
    }

    public PinpointClient pinpoint() {
        return configure(PinpointClient.builder()).build();
    }

    /** Adds the retry strategy and the interceptors, keeping whatever else the builder's configuration holds. */
    public <B extends SdkClientBuilder<B, ?>> B withRetriesAndInterceptors(B builder) {
        ClientOverrideConfiguration current = builder.overrideConfiguration();
        ClientOverrideConfiguration.Builder override = current == null ? ClientOverrideConfiguration.builder()
                : current.toBuilder();
        override.retryStrategy(retry.strategy());
        interceptors.forEach(override::addExecutionInterceptor);
        return builder.overrideConfiguration(override.build());
    }

    /** Configures any synchronous client builder as {@link #personalize()} and {@link #pinpoint()} are. */
    public <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        region.ifPresent(builder::region);
        endpoint.ifPresent(builder::endpointOverride);
        return withRetriesAndInterceptors(builder.credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()));
    }
}
