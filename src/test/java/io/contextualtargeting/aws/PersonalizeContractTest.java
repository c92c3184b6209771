package io.contextualtargeting.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * Base of the Personalize adapter's contract tests: an HTTP stub speaking the Personalize JSON
 * protocol (one POST per action, named in X-Amz-Target) and the adapter pointed at it.
 */
abstract class PersonalizeContractTest {
    static final String ROLE = "arn:aws:iam::123456789012:role/PersonalizeS3";

    @RegisterExtension
    static final WireMockExtension AWS = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    PersonalizeClient client;
    PersonalizeSegmentationService personalize;

    @BeforeEach
    void connect() {
        client = TestAws.factory(AWS.baseUrl()).personalize();
        personalize = new PersonalizeSegmentationService(client, Optional.of(ROLE));
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    static MappingBuilder action(String action) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonPersonalize." + action));
    }

    static RequestPatternBuilder called(String action) {
        return postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonPersonalize." + action));
    }

    static ResponseDefinitionBuilder error(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\": \"" + code + "\", \"message\": \"" + message + "\"}");
    }
}
