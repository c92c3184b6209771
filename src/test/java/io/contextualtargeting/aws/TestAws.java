package io.contextualtargeting.aws;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** Client factories for tests: a local endpoint, static credentials, and retries without real waits. */
final class TestAws {

    /** Three attempts in all, with backoff of a few milliseconds so retry tests stay fast. */
    static final RetrySettings FAST_RETRIES = new RetrySettings(3, Duration.ofMillis(1), Duration.ofMillis(5));

    private TestAws() {
    }

    static AwsClientFactory factory(String endpoint) {
        return new AwsClientFactory(Optional.of(Region.US_EAST_1), Optional.of(URI.create(endpoint)),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test-key", "test-secret")),
                FAST_RETRIES, List.of());
    }
}
