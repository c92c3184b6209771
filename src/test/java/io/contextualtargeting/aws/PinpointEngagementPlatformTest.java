package io.contextualtargeting.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.contextualtargeting.ports.EngagementPlatform.Endpoint;
import io.contextualtargeting.ports.EngagementPlatform.ImportJob;
import io.contextualtargeting.ports.EngagementPlatform.ImportJobRequest;
import io.contextualtargeting.ports.ObjectRef;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.pinpoint.PinpointClient;

class PinpointEngagementPlatformTest {

    private static final String APP = "app-1";
    private static final String ROLE = "arn:aws:iam::123456789012:role/PinpointImport";
    private static final String IMPORTS = "/v1/apps/" + APP + "/jobs/import";
    private static final ObjectRef SEGMENT_FILE = new ObjectRef("segment-imports", "pinpoint/ITEMSgenresAction_20261128-101500.csv");

    @RegisterExtension
    static final WireMockExtension AWS = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private PinpointClient client;
    private PinpointEngagementPlatform pinpoint;

    @BeforeEach
    void connect() {
        client = TestAws.factory(AWS.baseUrl()).pinpoint();
        pinpoint = new PinpointEngagementPlatform(client, APP, Optional.of(ROLE));
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void importJobDefinesASegmentFromTheCsvFileWithTheImportRole() {
        AWS.stubFor(post(urlPathEqualTo(IMPORTS)).willReturn(json(201, "{\"Id\": \"job-1\", \"JobStatus\": \"CREATED\","
                + " \"ApplicationId\": \"app-1\", \"Type\": \"IMPORT\", \"Definition\": {}}")));

        ImportJob job = pinpoint.createImportJob(new ImportJobRequest(SEGMENT_FILE, "ITEMSgenresAction_20261128-101500.csv",
                true, false));

        assertThat(job).isEqualTo(new ImportJob("job-1", "CREATED", null, 0, 0, java.util.List.of()));
        AWS.verify(postRequestedFor(urlPathEqualTo(IMPORTS)).withRequestBody(equalToJson("{\"Format\": \"CSV\","
                + " \"RoleArn\": \"" + ROLE + "\", \"S3Url\": \"s3://segment-imports/pinpoint/ITEMSgenresAction_20261128-101500.csv\","
                + " \"DefineSegment\": true, \"SegmentName\": \"ITEMSgenresAction_20261128-101500.csv\","
                + " \"RegisterEndpoints\": false}")));
    }

    @Test
    void importWithoutImportRoleFailsWithoutCallingPinpoint() {
        PinpointEngagementPlatform withoutRole = new PinpointEngagementPlatform(client, APP, Optional.empty());

        assertThatThrownBy(() -> withoutRole.createImportJob(new ImportJobRequest(SEGMENT_FILE, "s", true, false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PINPOINT_IMPORT_ROLE_ARN")
                .hasMessageContaining(SEGMENT_FILE.url());
        AWS.verify(exactly(0), postRequestedFor(urlPathEqualTo(IMPORTS)));
    }

    @Test
    void importJobStatusCarriesCountsFailuresAndSegment() {
        AWS.stubFor(get(urlPathEqualTo(IMPORTS + "/job-1")).willReturn(okJson("{\"Id\": \"job-1\", \"JobStatus\": \"FAILED\","
                + " \"ApplicationId\": \"app-1\", \"Type\": \"IMPORT\", \"TotalProcessed\": 10, \"TotalFailures\": 2,"
                + " \"Failures\": [\"line 3: missing Id\", \"line 7: missing Id\"],"
                + " \"Definition\": {\"SegmentId\": \"seg-9\"}}")));

        ImportJob job = pinpoint.getImportJob("job-1");

        assertThat(job).isEqualTo(new ImportJob("job-1", "FAILED", "seg-9", 10, 2,
                java.util.List.of("line 3: missing Id", "line 7: missing Id")));
        assertThat(job.isFailed()).isTrue();
    }

    @Test
    void userEndpointsMapOptOutAndInactiveStatus() {
        AWS.stubFor(get(urlPathEqualTo("/v1/apps/app-1/users/user-7")).willReturn(okJson("{\"Item\": ["
                + "{\"Id\": \"lcuxhxpqh/ytkitku2zynrqb2ce\", \"ChannelType\": \"EMAIL\", \"OptOut\": \"NONE\", \"EndpointStatus\": \"ACTIVE\"},"
                + "{\"Id\": \"e-2\", \"ChannelType\": \"SMS\", \"OptOut\": \"ALL\", \"EndpointStatus\": \"ACTIVE\"},"
                + "{\"Id\": \"e-3\", \"ChannelType\": \"EMAIL\", \"OptOut\": \"NONE\", \"EndpointStatus\": \"INACTIVE\"}]}")));

        assertThat(pinpoint.userEndpoints("user-7")).containsExactly(
                new Endpoint("lcuxhxpqh/ytkitku2zynrqb2ce", "EMAIL", false, true),
                new Endpoint("e-2", "SMS", true, true),
                new Endpoint("e-3", "EMAIL", false, false));
    }

    @Test
    void userIdIsEscapedAsOnePathSegment() {
        AWS.stubFor(get(urlPathEqualTo("/v1/apps/app-1/users/a%2Fb%20%C3%A9")).willReturn(okJson("{\"Item\": []}")));

        assertThat(pinpoint.userEndpoints("a/b é")).isEmpty();
    }

    @Test
    void userWithoutEndpointsHasAnEmptyListOnceTheApplicationIsKnownToExist() {
        AWS.stubFor(get(urlPathEqualTo("/v1/apps/app-1/users/user-8")).willReturn(error(404, "NotFoundException",
                "Resource not found")));
        AWS.stubFor(get(urlPathEqualTo("/v1/apps/app-1/users/user-9")).willReturn(error(404, "NotFoundException",
                "Resource not found")));
        AWS.stubFor(get(urlPathEqualTo("/v1/apps/app-1")).willReturn(okJson("{\"Id\": \"app-1\", \"Name\": \"bingewatch\"}")));

        assertThat(pinpoint.userEndpoints("user-8")).isEmpty();
        assertThat(pinpoint.userEndpoints("user-9")).isEmpty();
        AWS.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1/apps/app-1")));
    }

    @Test
    void missingApplicationSaysPinpointIsNoLongerAvailableInsteadOfNoEndpoints() {
        AWS.stubFor(get(urlPathEqualTo("/v1/apps/app-1/users/user-8")).willReturn(error(404, "NotFoundException",
                "Resource not found")));
        AWS.stubFor(get(urlPathEqualTo("/v1/apps/app-1")).willReturn(error(404, "NotFoundException",
                "Application not found")));

        assertThatThrownBy(() -> pinpoint.userEndpoints("user-8"))
                .isInstanceOf(PinpointUnavailableException.class)
                .hasMessageContaining("application 'app-1'")
                .hasMessageContaining("end of support on 2026-10-30")
                .hasMessageContaining("segment files remain in S3");
    }

    @Test
    void forbiddenImportSaysPinpointIsNotAvailableAndWhereTheFileIs() {
        AWS.stubFor(post(urlPathEqualTo(IMPORTS)).willReturn(error(403, "ForbiddenException",
                "This feature is not available for your account")));

        assertThatThrownBy(() -> pinpoint.createImportJob(new ImportJobRequest(SEGMENT_FILE, "s", true, false)))
                .isInstanceOf(PinpointUnavailableException.class)
                .hasMessageContaining("CreateImportJob")
                .hasMessageContaining("ForbiddenException: This feature is not available for your account")
                .hasMessageContaining(SEGMENT_FILE.url());
    }

    @Test
    void throttledLookupIsRetriedAndSucceeds() {
        AWS.stubFor(get(urlPathEqualTo("/v1/apps/app-1/users/user-7")).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(429, "TooManyRequestsException", "Too many requests")).willSetStateTo("ok"));
        AWS.stubFor(get(urlPathEqualTo("/v1/apps/app-1/users/user-7")).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"Item\": [{\"Id\": \"e-1\", \"ChannelType\": \"EMAIL\"}]}")));

        assertThat(pinpoint.userEndpoints("user-7")).extracting(Endpoint::id).containsExactly("e-1");
        AWS.verify(exactly(2), getRequestedFor(urlPathEqualTo("/v1/apps/app-1/users/user-7")));
    }

    @Test
    void persistentThrottlingStopsAfterTheConfiguredAttempts() {
        AWS.stubFor(get(urlPathEqualTo("/v1/apps/app-1/users/user-7")).willReturn(error(429, "TooManyRequestsException",
                "Too many requests")));

        assertThatThrownBy(() -> pinpoint.userEndpoints("user-7"))
                .isInstanceOf(AwsServiceUnavailableException.class)
                .hasMessageContaining("GetUserEndpoints for user 'user-7' failed after 3 attempts");
        AWS.verify(exactly(TestAws.FAST_RETRIES.maxAttempts()), getRequestedFor(urlPathEqualTo("/v1/apps/app-1/users/user-7")));
    }

    @Test
    void serverErrorIsRetriedAndSucceeds() {
        AWS.stubFor(get(urlPathEqualTo(IMPORTS + "/job-1")).inScenario("5xx").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(502, "InternalServerErrorException", "bad gateway")).willSetStateTo("ok"));
        AWS.stubFor(get(urlPathEqualTo(IMPORTS + "/job-1")).inScenario("5xx").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"Id\": \"job-1\", \"JobStatus\": \"COMPLETED\", \"Definition\": {}}")));

        assertThat(pinpoint.getImportJob("job-1").isCompleted()).isTrue();
    }

    @Test
    void importRefusedForTheConcurrentImportLimitHasItsOwnErrorNameForTheWorkflowToWaitOn() {
        AWS.stubFor(post(urlPathEqualTo(IMPORTS)).willReturn(error(429, "TooManyRequestsException",
                "Too many import jobs are running")));

        assertThatThrownBy(() -> pinpoint.createImportJob(new ImportJobRequest(SEGMENT_FILE, "s", true, false)))
                .isInstanceOf(PinpointImportLimitException.class)
                .hasMessageContaining("segment file " + SEGMENT_FILE.url())
                .hasMessageContaining("wait for a running import to finish");
    }

    @Test
    void importRefusedWithALimitMessageIsTheImportLimitToo() {
        AWS.stubFor(post(urlPathEqualTo(IMPORTS)).willReturn(error(400, "BadRequestException",
                "Import job limit exceeded")));

        assertThatThrownBy(() -> pinpoint.createImportJob(new ImportJobRequest(SEGMENT_FILE, "s", true, false)))
                .isInstanceOf(PinpointImportLimitException.class);
    }

    @Test
    void badRequestIsRejectedOnceWithAwsReason() {
        AWS.stubFor(post(urlPathEqualTo(IMPORTS)).willReturn(error(400, "BadRequestException",
                "S3Url must point to a bucket in the same region")));

        assertThatThrownBy(() -> pinpoint.createImportJob(new ImportJobRequest(SEGMENT_FILE, "s", true, false)))
                .isInstanceOf(AwsRequestRejectedException.class)
                .hasMessageContaining("Amazon Pinpoint rejected CreateImportJob for segment file " + SEGMENT_FILE.url())
                .hasMessageContaining("S3Url must point to a bucket in the same region");
        AWS.verify(exactly(1), postRequestedFor(urlPathEqualTo(IMPORTS)));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static ResponseDefinitionBuilder error(int status, String code, String message) {
        return json(status, "{\"Message\": \"" + message + "\", \"RequestID\": \"req-1\"}")
                .withHeader("x-amzn-ErrorType", code);
    }
}
