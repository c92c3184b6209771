package io.contextualtargeting.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sns.SnsClient;

class SnsNotifierTest {

    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:contextual-targeting-notifications";
    private static final String PUBLISHED = "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
            + "<PublishResult><MessageId>m-1</MessageId></PublishResult>"
            + "<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></PublishResponse>";

    @RegisterExtension
    static final WireMockExtension AWS = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private SnsClient client;
    private SnsNotifier notifier;

    @BeforeEach
    void connect() {
        client = TestAws.factory(AWS.baseUrl()).configure(SnsClient.builder()).build();
        notifier = new SnsNotifier(client, TOPIC);
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void publishesToTheTopicWithAnEmailSafeSubject() {
        AWS.stubFor(post(urlEqualTo("/")).willReturn(xml(200, PUBLISHED)));

        notifier.notify("Training of “bingewatch” failed:\n3 errors", "line 1\nline 2");

        AWS.verify(postRequestedFor(urlEqualTo("/"))
                .withFormParam("Action", equalTo("Publish"))
                .withFormParam("TopicArn", equalTo(TOPIC))
                .withFormParam("Subject", equalTo("Training of ?bingewatch? failed: 3 errors"))
                .withFormParam("Message", equalTo("line 1\nline 2")));
    }

    @Test
    void throttledPublishIsRetried() {
        AWS.stubFor(post(urlEqualTo("/")).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(400, "Throttling", "Rate exceeded")).willSetStateTo("ok"));
        AWS.stubFor(post(urlEqualTo("/")).inScenario("throttle").whenScenarioStateIs("ok").willReturn(xml(200, PUBLISHED)));

        notifier.notify("done", "ok");

        AWS.verify(exactly(2), postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void missingTopicIsRejectedOnceNamingTheTopic() {
        AWS.stubFor(post(urlEqualTo("/")).willReturn(error(404, "NotFound", "Topic does not exist")));

        assertThatThrownBy(() -> notifier.notify("done", "ok"))
                .isInstanceOf(AwsRequestRejectedException.class)
                .hasMessageContaining("Amazon SNS rejected Publish for topic " + TOPIC + ": Topic does not exist");
        AWS.verify(exactly(1), postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void unreachableServiceIsUnavailableAfterTheConfiguredAttempts() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (SnsClient unreachable = TestAws.factory("http://127.0.0.1:" + closedPort).configure(SnsClient.builder()).build()) {
            assertThatThrownBy(() -> new SnsNotifier(unreachable, TOPIC).notify("done", "ok"))
                    .isInstanceOf(AwsServiceUnavailableException.class)
                    .hasMessageContaining("Amazon SNS Publish for topic " + TOPIC + " got no answer after 3 attempts");
        }
    }

    private static ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body);
    }

    private static ResponseDefinitionBuilder error(int status, String code, String message) {
        return xml(status, "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>Sender</Type>"
                + "<Code>" + code + "</Code><Message>" + message + "</Message></Error><RequestId>r-2</RequestId></ErrorResponse>");
    }
}
