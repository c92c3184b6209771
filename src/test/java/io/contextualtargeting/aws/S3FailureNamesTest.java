package io.contextualtargeting.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.contextualtargeting.ports.ObjectRef;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The state machines retry S3 failures by the class name that escapes the function: throttling and
 * 5xx answers must escape as {@link S3UnavailableException}, refusals as a plain UncheckedIOException.
 */
class S3FailureNamesTest {

    private static final ObjectRef KEY = new ObjectRef("bucket", "batch/job_config.json.out");

    @RegisterExtension
    static final WireMockExtension AWS = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private S3ObjectStore store() {
        S3Client s3 = TestAws.factory(AWS.baseUrl()).configure(S3Client.builder().forcePathStyle(true)).build();
        return new S3ObjectStore(s3);
    }

    @Test
    void slowDownIsUnavailable() {
        AWS.stubFor(get(urlPathEqualTo("/bucket/batch/job_config.json.out")).willReturn(s3Error(503, "SlowDown")));

        assertThatThrownBy(() -> store().read(KEY).close()).isInstanceOf(S3UnavailableException.class)
                .hasMessageContaining("retry later");
    }

    @Test
    void accessDeniedIsNotUnavailable() {
        AWS.stubFor(get(urlPathEqualTo("/bucket/batch/job_config.json.out")).willReturn(s3Error(403, "AccessDenied")));

        assertThatThrownBy(() -> store().read(KEY).close()).isInstanceOf(UncheckedIOException.class)
                .isNotInstanceOf(S3UnavailableException.class);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder s3Error(int status, String code) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/xml")
                .withBody("<Error><Code>" + code + "</Code><Message>" + code + "</Message></Error>");
    }
}
