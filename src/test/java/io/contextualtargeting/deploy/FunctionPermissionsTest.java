package io.contextualtargeting.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.contextualtargeting.aws.PinpointUnavailableException;
import io.contextualtargeting.aws.S3MockServer;
import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.formats.Json;
import io.contextualtargeting.local.cloudformation.ResolvedTemplates;
import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.local.cloudformation.ResolvedTemplates.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Least privilege, checked by running the code: each function's real handler, on the real AWS
 * adapters, runs a representative invocation (every path of its step that calls AWS: create then
 * find, a missing object answering 404, a user without endpoints, an upload aborted mid-write) against an HTTP stub of Personalize, Pinpoint
 * and SNS and a real S3-protocol server; every API call is recorded with the resource it targets,
 * and the function's policy in the template must allow each one and grant nothing else.
 */
class FunctionPermissionsTest {
    private static final List<Resource> WITH_PINPOINT = Repository.resolved(Repository.PARAMETER_SETS.get(0));
    private static final List<Resource> WITHOUT_PINPOINT = Repository.resolved(Repository.PARAMETER_SETS.get(2));
    /** SegmentationEngine=Embedded: the engine runs in the functions, its resources are records in the Personalize bucket. */
    private static final List<Resource> EMBEDDED = Repository.resolved(Repository.PARAMETER_SETS.get(3));
    private static final String DATA = bucket("PersonalizeBucket");
    private static final String IMPORTS = bucket("SegmentImportBucket");
    private static final String PERSONALIZE = "arn:aws:personalize:" + ResolvedTemplates.REGION + ":"
            + ResolvedTemplates.ACCOUNT + ":";
    private static final String GROUP = PERSONALIZE + "dataset-group/bingewatch";
    private static final String SOLUTION = PERSONALIZE + "solution/bw_affinity";
    private static final String VERSION = SOLUTION + "/3f2a";
    private static final String JOB = PERSONALIZE + "batch-segment-job/bw-job-run1";
    private static final String JOB_FOLDER = "s3://" + DATA + "/batch/bingewatch/bw_affinity/";

    @RegisterExtension
    static final S3MockServer S3 = new S3MockServer(DATA, IMPORTS);
    @RegisterExtension
    static final WireMockExtension AWS = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static S3Client fixtures;
    private final ApiCallRecorder recorder = new ApiCallRecorder();
    /** Ecosystem check on the same calls: every request conforms to botocore's model of its operation. */
    @RegisterExtension
    final BotocoreModelCheck requestsMatchBotocoreModels = new BotocoreModelCheck(recorder::requests);

    @BeforeAll
    static void connect() {
        fixtures = DeployedFunction.s3Client(DeployedFunction.factory(S3.endpoint(), null));
    }

    @AfterAll
    static void disconnect() {
        fixtures.close();
    }

    @BeforeEach
    void emptyBuckets() {
        for (String bucket : List.of(DATA, IMPORTS)) {
            fixtures.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()
                    .forEach(o -> fixtures.deleteObject(b -> b.bucket(bucket).key(o.key())));
        }
    }

    @Test
    void validateTrainingConfigReadsTheUploadAndSeesFilesNotUploadedYet() {
        upload(DATA, "train/bingewatch/bingewatch_config.json", Path.of("data/personalize/train/bingewatch/bingewatch_config.json"));
        String uploaded = "{\"bucket\": \"" + DATA + "\", \"key\": \"train/bingewatch/bingewatch_config.json\","
                + " \"time\": \"2026-01-01T00:00:00Z\", \"expectedBucket\": \"" + DATA + "\"}";

        assertGrantedExactly("ValidateTrainingConfigFunction", WITH_PINPOINT, function -> {
            assertThatThrownBy(() -> function.invoke(uploaded))
                    .hasMessageContaining("waiting for files");
            uploadFolder(DATA, Path.of("data/personalize"));
            assertThat(function.invoke(uploaded)).isNotNull();
        });
    }

    @Test
    void createDatasetGroupCreatesThenFindsIt() {
        personalizeResource("DatasetGroup", GROUP);

        assertGrantedExactly("CreateDatasetGroupFunction", WITH_PINPOINT,
                function -> assertThat(function.invoke("{\"name\": \"bingewatch\"}")).hasToString(
                        "DatasetGroupPlan[name=bingewatch, domain=null, arn=" + GROUP + "]"));
    }

    /**
     * users.csv holds E_MAIL, which the schema leaves out: the step writes the copy Personalize
     * imports under import/ (after a look-up that must see 404), a later poll finds it, and a copy
     * that fails mid-write aborts its upload.
     */
    @Test
    void importDatasetCreatesSchemaDatasetAndImportJobPassingThePersonalizeRoleAndACopyWithoutEmail() {
        String schema = jsonString("""
                {"type": "record", "name": "Users", "fields": [{"name": "USER_ID", "type": "string"},
                 {"name": "AGE", "type": "int"}], "version": "1.0"}""");
        personalizeResource("Schema", PERSONALIZE + "schema/bingewatch-users-schema");
        AWS.stubFor(personalize("DescribeSchema").willReturn(json("{\"schema\": {\"schema\": " + schema + "}}")));
        personalizeResource("Dataset", PERSONALIZE + "dataset/bingewatch/USERS");
        AWS.stubFor(personalize("ListDatasets").inScenario("Dataset").whenScenarioStateIs("created").willReturn(json(
                "{\"datasets\": [{\"datasetArn\": \"" + PERSONALIZE + "dataset/bingewatch/USERS\", \"datasetType\": \"USERS\","
                        + " \"status\": \"ACTIVE\"}]}")));
        AWS.stubFor(personalize("DescribeDataset").willReturn(json("{\"dataset\": {\"schemaArn\": \""
                + PERSONALIZE + "schema/bingewatch-users-schema\"}}")));
        personalizeResource("DatasetImportJob", PERSONALIZE + "dataset-import-job/bingewatch-users-run1");
        uploadText(DATA, "train/bingewatch/users.csv", "USER_ID,E_MAIL,AGE\n1,a@example.com,30\n");
        String request = """
                {"datasetGroupArn": "%s", "dataset": {"type": "USERS", "name": "bingewatch-users",
                 "schemaName": "bingewatch-users-schema", "schema": %s,
                 "data": "s3://%s/train/bingewatch/users.csv", "importJobName": "bingewatch-users-run1"}}
                """.formatted(GROUP, schema, DATA);

        assertGrantedExactly("ImportDatasetFunction", WITH_PINPOINT, function -> {
            assertThat(function.invoke(request)).isNotNull();
            assertThat(function.invoke(request)).isNotNull();
            function.writeAndDie(new ObjectRef(DATA, "import/bingewatch-users-run2/users.csv"));
        });
        assertThat(fixtures.getObjectAsBytes(b -> b.bucket(DATA).key("import/bingewatch-users-run1/users.csv"))
                .asUtf8String()).isEqualTo("USER_ID,AGE\n1,30\n");
    }

    @Test
    void createSolutionCreatesThenFindsIt() {
        personalizeResource("Solution", SOLUTION);

        assertGrantedExactly("CreateSolutionFunction", WITH_PINPOINT, function -> assertThat(function.invoke("""
                {"datasetGroupArn": "%s", "solution": {"name": "bw_affinity",
                 "recipeArn": "arn:aws:personalize:::recipe/aws-item-affinity", "hyperparameters": {},
                 "solutionVersionName": "run1", "batchSegmentJobs": []}}""".formatted(GROUP))).isNotNull());
    }

    @Test
    void trainSolutionVersionTrainsThenReadsItsMetrics() {
        personalizeResource("SolutionVersion", VERSION);
        AWS.stubFor(personalize("DescribeSolutionVersion").willReturn(json("{\"solutionVersion\": {\"name\": \"run1\","
                + " \"solutionVersionArn\": \"" + VERSION + "\", \"status\": \"ACTIVE\"}}")));
        AWS.stubFor(personalize("GetSolutionMetrics").willReturn(json("{\"metrics\": {\"hits_at_1_percent\": 0.2}}")));

        assertGrantedExactly("TrainSolutionVersionFunction", WITH_PINPOINT, function -> assertThat(function.invoke("""
                {"name": "bw_affinity", "recipeArn": "arn:aws:personalize:::recipe/aws-item-affinity",
                 "solutionVersionName": "run1", "batchSegmentJobs": [], "arn": "%s"}""".formatted(SOLUTION))).isNotNull());
    }

    @Test
    void createBatchSegmentJobCreatesThenFindsItPassingThePersonalizeRole() {
        personalizeResource("BatchSegmentJob", JOB);

        assertGrantedExactly("CreateBatchSegmentJobFunction", WITH_PINPOINT, function -> assertThat(function.invoke("""
                {"solutionVersionArn": "%s", "job": {"jobName": "bw-job-run1", "input": "%sjob_config.json",
                 "outputPrefix": "%sbatch_run1/", "numResults": 50}}""".formatted(VERSION, JOB_FOLDER, JOB_FOLDER))).isNotNull());
    }

    @Test
    void prepareSegmentsDescribesTheJobAndSplitsItsOutput() {
        AWS.stubFor(personalize("DescribeBatchSegmentJob").willReturn(json("""
                {"batchSegmentJob": {"batchSegmentJobArn": "%s", "jobName": "bw-job-run1", "status": "ACTIVE",
                 "solutionVersionArn": "%s", "numResults": 50,
                 "jobInput": {"s3DataSource": {"path": "%sjob_config.json"}},
                 "jobOutput": {"s3DataDestination": {"path": "%sbatch_run1/"}}}}""".formatted(JOB, VERSION, JOB_FOLDER, JOB_FOLDER))));
        uploadText(DATA, "batch/bingewatch/bw_affinity/batch_run1/job_config.json.out",
                "{\"input\": {\"itemId\": \"105\"}, \"output\": {\"usersList\": [\"u-1\", \"u-2\"]}, \"error\": null}\n");

        assertGrantedExactly("PrepareSegmentsFunction", WITH_PINPOINT, function -> {
            assertThat(function.invoke("{\"jobArn\": \"" + JOB + "\"}")).asString().contains(
                    "name=item_105_20260101-000000", "users=" + JOB_FOLDER + "batch_run1/segments/", "userCount=2");
            function.writeAndDie(ObjectRef.parse(JOB_FOLDER + "batch_run1/segments/0000-item_105.txt"));
        });
    }

    @Test
    void writeSegmentLooksUpEndpointsIncludingAUserWithoutAnyAndWritesANewFile() {
        stubEndpointsOfOneUserAndNoneOfAnother();

        assertGrantedExactly("WriteSegmentFunction", WITH_PINPOINT, function -> {
            assertThat(function.invoke(writeSegment("Id"))).hasToString("SegmentReport[name=item_105, query=itemId 105,"
                    + " csv=s3://" + IMPORTS + "/pinpoint/item_105.csv, form=Id, users=2, usersWritten=1,"
                    + " endpointsWritten=1, usersWithoutEndpoint=1, optedOutUsers=0, error=null]");
            function.writeAndDie(new ObjectRef(IMPORTS, "pinpoint/item_106.csv"));
        });
    }

    @Test
    void callWhosePermissionThePolicyLacksIsReported() {
        stubEndpointsOfOneUserAndNoneOfAnother();

        Resource resource = run("WriteSegmentFunction", WITH_PINPOINT, function -> {
            function.invoke(writeSegment("Id"));
            function.writeAndDie(new ObjectRef(IMPORTS, "pinpoint/item_106.csv"));
        });
        Policy withoutGetApp = Policy.of(resource).without("mobiletargeting:GetApp");

        assertThat(PermissionCheck.problems(withoutGetApp, recorder.calls())).singleElement().asString()
                .startsWith("not allowed: mobiletargeting:GetApp on arn:aws:mobiletargeting:");
    }

    @Test
    void writeSegmentOfUserIdsWithoutPinpointNeedsNoPinpointPermission() {
        uploadText(DATA, "batch/bingewatch/bw_affinity/batch_run1/segments/0000-item_105.txt", "u-1\nu-2\n");

        assertGrantedExactly("WriteSegmentFunction", WITHOUT_PINPOINT, function -> {
            assertThat(function.invoke(writeSegment("User.UserId"))).isNotNull();
            function.writeAndDie(new ObjectRef(IMPORTS, "pinpoint/item_106.csv"));
        });
    }

    /** The key of an event URL-encoded by another channel: the key as sent must answer 404 for the decoded one to be tried. */
    @Test
    void startSegmentImportChecksTheFileAndStartsTheImportPassingThePinpointRole() {
        uploadText(IMPORTS, "pinpoint/item 105.csv", "Id\ne-1\n");
        AWS.stubFor(post(urlPathMatching("/v1/apps/[^/]+/jobs/import")).willReturn(json(
                "{\"Id\": \"job-1\", \"JobStatus\": \"CREATED\", \"Definition\": {}}").withStatus(201)));

        assertGrantedExactly("StartSegmentImportFunction", WITH_PINPOINT, function -> assertThat(function.invoke("""
                {"bucket": "%s", "key": "pinpoint/item+105.csv", "expectedBucket": "%s", "expectedPrefix": "pinpoint/"}
                """.formatted(IMPORTS, IMPORTS))).isNotNull());
    }

    @Test
    void checkSegmentImportReadsTheJobAndTellsAMissingJobFromAMissingProject() {
        AWS.stubFor(get(urlPathMatching("/v1/apps/[^/]+/jobs/import/job-1")).willReturn(json(
                "{\"Id\": \"job-1\", \"JobStatus\": \"COMPLETED\", \"TotalProcessed\": 1, \"TotalFailures\": 0}")));
        AWS.stubFor(get(urlPathMatching("/v1/apps/[^/]+/jobs/import/job-2")).willReturn(notFound()));
        AWS.stubFor(get(urlPathMatching("/v1/apps/[^/]+")).willReturn(notFound()));
        String status = """
                {"jobId": "%s", "segmentName": "item_105.csv", "source": "s3://%s/pinpoint/item_105.csv",
                 "rows": 1, "status": "CREATED"}""";

        assertGrantedExactly("CheckSegmentImportFunction", WITH_PINPOINT, function -> {
            assertThat(function.invoke(status.formatted("job-1", IMPORTS))).isNotNull();
            assertThatThrownBy(() -> function.invoke(status.formatted("job-2", IMPORTS)))
                    .isInstanceOf(PinpointUnavailableException.class);
        });
    }

    @Test
    void notifyPublishesToTheTopic() {
        AWS.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=Publish")).willReturn(aResponse()
                .withHeader("Content-Type", "text/xml").withBody("<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
                        + "<PublishResult><MessageId>m-1</MessageId></PublishResult></PublishResponse>")));

        assertGrantedExactly("NotifyFunction", WITH_PINPOINT, function -> assertThat(function.invoke("""
                {"workflow": "training", "outcome": "FAILED", "details": {},
                 "error": {"Error": "InvalidTrainingConfigException", "Cause": "bad"}}""")).isNotNull());
    }

    @Test
    void summarizeSegmentsCallsNothingAndIsGrantedNothing() {
        assertGrantedExactly("SummarizeSegmentsFunction", WITH_PINPOINT, function -> assertThat(function.invoke(
                "{\"jobArn\": \"" + JOB + "\", \"jobName\": \"bw-job-run1\", \"reports\": []}")).isNotNull());
    }

    @Test
    void findDatasetGroupResourcesListsWhatTheGroupHoldsAndTheSchemasOfItsDatasets() {
        String dataset = PERSONALIZE + "dataset/bingewatch/INTERACTIONS";
        AWS.stubFor(personalize("ListDatasetGroups").willReturn(json("{\"datasetGroups\": [{\"name\": \"bingewatch\","
                + " \"datasetGroupArn\": \"" + GROUP + "\", \"status\": \"ACTIVE\"}]}")));
        AWS.stubFor(personalize("ListDatasets").willReturn(json("{\"datasets\": [{\"datasetArn\": \"" + dataset + "\"}]}")));
        AWS.stubFor(personalize("ListSolutions").willReturn(json("{\"solutions\": [{\"solutionArn\": \"" + SOLUTION + "\"}]}")));
        AWS.stubFor(personalize("ListFilters").willReturn(json("{\"filters\": []}")));
        AWS.stubFor(personalize("ListEventTrackers").willReturn(json("{\"eventTrackers\": []}")));
        AWS.stubFor(personalize("DescribeDataset").willReturn(json("{\"dataset\": {\"datasetArn\": \"" + dataset + "\","
                + " \"schemaArn\": \"" + PERSONALIZE + "schema/s\", \"status\": \"ACTIVE\"}}")));

        assertGrantedExactly("FindDatasetGroupResourcesFunction", WITH_PINPOINT, function -> assertThat(
                function.invoke("{\"datasetGroup\": \"bingewatch\"}")).asString().contains(GROUP, SOLUTION, "schema/s"));
    }

    @Test
    void deleteDatasetGroupStopsTrainingAndDeletesEveryKindOfResourceInOrder() {
        String prefix = PERSONALIZE;
        personalizeDeletion("Filter", "filter", "ACTIVE");
        personalizeDeletion("EventTracker", "eventTracker", "ACTIVE");
        personalizeDeletion("Dataset", "dataset", "ACTIVE");
        personalizeDeletion("DatasetGroup", "datasetGroup", "ACTIVE");
        AWS.stubFor(personalize("DeleteSchema").willReturn(json("{}")));
        // The solution still trains a version: stopped first, deleted once the version has stopped.
        AWS.stubFor(personalize("DescribeSolution").inScenario("Solution").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json("{\"solution\": {\"status\": \"ACTIVE\"}}")));
        AWS.stubFor(personalize("ListSolutionVersions").inScenario("Solution").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json("{\"solutionVersions\": [{\"solutionVersionArn\": \"" + VERSION + "\", \"status\": \"CREATE IN_PROGRESS\"}]}")));
        AWS.stubFor(personalize("StopSolutionVersionCreation").inScenario("Solution").willSetStateTo("stopped").willReturn(json("{}")));
        AWS.stubFor(personalize("DescribeSolution").inScenario("Solution").whenScenarioStateIs("stopped")
                .willReturn(json("{\"solution\": {\"status\": \"ACTIVE\"}}")));
        AWS.stubFor(personalize("ListSolutionVersions").inScenario("Solution").whenScenarioStateIs("stopped")
                .willReturn(json("{\"solutionVersions\": [{\"solutionVersionArn\": \"" + VERSION + "\", \"status\": \"CREATE STOPPED\"}]}")));
        AWS.stubFor(personalize("DeleteSolution").inScenario("Solution").willSetStateTo("deleted").willReturn(json("{}")));
        AWS.stubFor(personalize("DescribeSolution").inScenario("Solution").whenScenarioStateIs("deleted").willReturn(personalizeNotFound()));

        assertGrantedExactly("DeleteDatasetGroupFunction", WITH_PINPOINT, function -> assertThat(function.invoke("""
                {"name": "bingewatch", "arn": "%s", "solutionArns": ["%s"], "filterArns": ["%sfilter/f"],
                 "eventTrackerArns": ["%sevent-tracker/t"], "datasetArns": ["%sdataset/bingewatch/INTERACTIONS"],
                 "schemaArns": ["%sschema/s"]}""".formatted(GROUP, SOLUTION, prefix, prefix, prefix, prefix)))
                .asString().contains("deleted=[" + SOLUTION));
    }

    /**
     * SegmentationEngine=Embedded, the training workflow's functions in its order on the sample data,
     * then post-processing's description of the job and the clean-up: each function's calls (records
     * under embedded-engine/, the uploads, the import copies, the job's queries and output) against its
     * own policy, with no personalize:* call and no grant unused. Each function is first called on a
     * resource that does not exist yet (a 404 look-up), then again on the one it made.
     */
    @Test
    void embeddedEngineFunctionsTrainSegmentAndCleanUpWithTheirS3GrantsAlone() throws IOException {
        uploadFolder(DATA, Path.of("data/personalize"));
        String embedded = "arn:aws:personalize:" + ResolvedTemplates.REGION + ":embedded:";
        String group = embedded + "dataset-group/bingewatch";
        JsonNode config = Json.mapper().readTree(Repository.read("data/personalize/train/bingewatch/bingewatch_config.json"));
        String items = "{\"name\": \"bw_affinity\", \"recipeArn\": \"arn:aws:personalize:::recipe/aws-item-affinity\","
                + " \"solutionVersionName\": \"run1\", \"batchSegmentJobs\": []";
        String job = embedded + "batch-segment-job/bw-job-run1";

        embeddedFunction("CreateDatasetGroupFunction", twice("{\"name\": \"bingewatch\"}"));
        // users.csv holds E_MAIL, left out of the copy the import job reads (written under import/).
        embeddedFunction("ImportDatasetFunction", function -> {
            for (String type : List.of("interactions", "users")) {
                twice("""
                        {"datasetGroupArn": "%s", "dataset": {"type": "%s", "name": "bingewatch-%s",
                         "schemaName": "bingewatch-%s-schema", "schema": %s,
                         "data": "s3://%s/train/bingewatch/%s.csv", "importJobName": "bingewatch-%s-run1"}}
                        """.formatted(group, type.toUpperCase(), type, type,
                        jsonString(config.at("/datasets/" + type + "/schema/serviceConfig/schema").toString()), DATA, type, type))
                        .accept(function);
            }
            function.writeAndDie(new ObjectRef(DATA, "import/bingewatch-users-run2/users.csv"));
        });
        embeddedFunction("CreateSolutionFunction", twice("{\"datasetGroupArn\": \"%s\", \"solution\": %s, \"hyperparameters\": {}}}"
                .formatted(group, items)));
        embeddedFunction("TrainSolutionVersionFunction", twice(items + ", \"arn\": \"" + embedded + "solution/bw_affinity\"}"));
        embeddedFunction("CreateBatchSegmentJobFunction", function -> {
            twice("""
                    {"solutionVersionArn": "%s", "job": {"jobName": "bw-job-run1",
                     "input": "s3://%s/batch/bingewatch/bingewatch-item-affinity/job_config.json",
                     "outputPrefix": "%sbatch_run1/", "numResults": 50}}""".formatted(embedded + "solution/bw_affinity/run1",
                    DATA, JOB_FOLDER)).accept(function);
            function.writeAndDie(ObjectRef.parse(JOB_FOLDER + "batch_run2/job_config.json.out"));
        });
        assertThat(fixtures.getObjectAsBytes(b -> b.bucket(DATA).key("batch/bingewatch/bw_affinity/batch_run1/job_config.json.out"))
                .asUtf8String()).startsWith("{\"input\": {\"itemId\": ");
        embeddedFunction("PrepareSegmentsFunction", function -> {
            assertThat(function.invoke("{\"jobArn\": \"" + job + "\"}")).asString().contains("userCount=50");
            function.writeAndDie(ObjectRef.parse(JOB_FOLDER + "batch_run1/segments/0000-item_105.txt"));
        });
        embeddedFunction("FindDatasetGroupResourcesFunction", function -> assertThat(
                function.invoke("{\"datasetGroup\": \"bingewatch\"}")).asString().contains(group, "solution/bw_affinity"));
        embeddedFunction("DeleteDatasetGroupFunction", function -> assertThat(function.invoke("""
                {"name": "bingewatch", "arn": "%s", "solutionArns": ["%ssolution/bw_affinity"], "filterArns": [],
                 "eventTrackerArns": [], "datasetArns": ["%sdataset/bingewatch/INTERACTIONS"],
                 "schemaArns": ["%sschema/bingewatch-interactions-schema"]}""".formatted(group, embedded, embedded, embedded)))
                .asString().contains("deleted=[" + embedded + "solution/bw_affinity"));
        assertThat(fixtures.listObjectsV2(b -> b.bucket(DATA).prefix("embedded-engine/dataset-group/")).contents()).isEmpty();
    }

    /** One function of the Embedded stack, its calls alone checked against its policy. */
    private void embeddedFunction(String logicalId, Consumer<DeployedFunction> scenario) {
        recorder.clear();
        assertGrantedExactly(logicalId, EMBEDDED, scenario);
        assertThat(recorder.calls()).as(logicalId + " calls no Personalize").noneMatch(call -> call.toString().contains("personalize:"));
    }

    private static Consumer<DeployedFunction> twice(String payload) {
        return function -> {
            assertThat(function.invoke(payload)).isNotNull();
            assertThat(function.invoke(payload)).isNotNull();
        };
    }

    @Test
    void everyFunctionOfTheTemplatesHasItsPermissionTest() {
        List<String> tested = Stream.of(FunctionPermissionsTest.class.getDeclaredMethods())
                .map(m -> m.getName().toLowerCase()).toList();

        assertThat(Repository.deployed("AWS::Serverless::Function")).allSatisfy(function -> {
            String stem = function.logicalId().replace("Function", "").toLowerCase();
            assertThat(tested).as("a test of " + function.logicalId()).anyMatch(name -> name.startsWith(stem));
        });
    }

    /** Runs the scenario on the function and checks its policy against the calls it made. */
    private void assertGrantedExactly(String logicalId, List<Resource> stacks, Consumer<DeployedFunction> scenario) {
        Resource resource = run(logicalId, stacks, scenario);
        assertThat(PermissionCheck.problems(Policy.of(resource), recorder.calls()))
                .as("%s: calls %s", logicalId, recorder.calls()).isEmpty();
    }

    private Resource run(String logicalId, List<Resource> stacks, Consumer<DeployedFunction> scenario) {
        Resource resource = stacks.stream().filter(r -> r.logicalId().equals(logicalId)).findFirst().orElseThrow();
        try (DeployedFunction function = new DeployedFunction(resource, URI.create(AWS.baseUrl()), S3.endpoint(), recorder)) {
            scenario.accept(function);
        }
        return resource;
    }

    /** u-1 has one endpoint, u-2 none (NotFound, and GetApp shows the project exists). */
    private static void stubEndpointsOfOneUserAndNoneOfAnother() {
        uploadText(DATA, "batch/bingewatch/bw_affinity/batch_run1/segments/0000-item_105.txt", "u-1\nu-2\n");
        AWS.stubFor(get(urlPathMatching("/v1/apps/[^/]+/users/u-1")).willReturn(json(
                "{\"Item\": [{\"Id\": \"e-1\", \"ChannelType\": \"EMAIL\", \"EndpointStatus\": \"ACTIVE\", \"OptOut\": \"NONE\"}]}")));
        AWS.stubFor(get(urlPathMatching("/v1/apps/[^/]+/users/u-2")).willReturn(notFound()));
        AWS.stubFor(get(urlPathMatching("/v1/apps/[^/]+")).willReturn(json("{\"Id\": \"app\", \"Name\": \"ct\"}")));
    }

    private static String writeSegment(String form) {
        return """
                {"segment": {"index": 0, "name": "item_105", "query": "itemId 105",
                 "users": "%sbatch_run1/segments/0000-item_105.txt", "userCount": 2},
                 "importBucket": "%s", "importPrefix": "pinpoint/", "fileForm": "%s"}""".formatted(JOB_FOLDER, IMPORTS, form);
    }

    /**
     * A Personalize resource that does not exist until its Create* call, and is then listed as
     * ACTIVE by its List* call (the next poll of the step).
     */
    private static void personalizeResource(String noun, String arn) {
        String field = Character.toLowerCase(noun.charAt(0)) + noun.substring(1);
        String summary = "{\"name\": \"%s\", \"jobName\": \"%s\", \"datasetType\": \"INTERACTIONS\", \"%sArn\": \"%s\","
                + " \"status\": \"ACTIVE\"}";
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        AWS.stubFor(personalize("List" + noun + "s").inScenario(noun).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json("{\"" + field + "s\": []}")));
        AWS.stubFor(personalize("Create" + noun).inScenario(noun).willSetStateTo("created")
                .willReturn(json("{\"" + field + "Arn\": \"" + arn + "\"}")));
        AWS.stubFor(personalize("List" + noun + "s").inScenario(noun).whenScenarioStateIs("created")
                .willReturn(json("{\"" + field + "s\": [" + summary.formatted(name, name, field, arn) + "]}")));
    }

    /** A Personalize resource that Describe* shows in {@code status} until its Delete* call, and then not at all. */
    private static void personalizeDeletion(String noun, String field, String status) {
        AWS.stubFor(personalize("Describe" + noun).inScenario(noun).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json("{\"" + field + "\": {\"status\": \"" + status + "\"}}")));
        AWS.stubFor(personalize("Delete" + noun).inScenario(noun).willSetStateTo("deleted").willReturn(json("{}")));
        AWS.stubFor(personalize("Describe" + noun).inScenario(noun).whenScenarioStateIs("deleted")
                .willReturn(personalizeNotFound()));
    }

    private static ResponseDefinitionBuilder personalizeNotFound() {
        return aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\": \"ResourceNotFoundException\", \"message\": \"not found\"}");
    }

    private static ResponseDefinitionBuilder notFound() {
        return json("{\"Message\": \"Resource not found\"}").withStatus(404).withHeader("x-amzn-ErrorType", "NotFoundException");
    }

    private static MappingBuilder personalize(String action) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonPersonalize." + action));
    }

    /** The text as a JSON string literal, quotes included. */
    private static String jsonString(String text) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static void uploadText(String bucket, String key, String text) {
        fixtures.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(text));
    }

    private static void upload(String bucket, String key, Path file) {
        fixtures.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
    }

    /** As {@code aws s3 sync folder s3://bucket} does. */
    private static void uploadFolder(String bucket, Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(Files::isRegularFile).forEach(f -> upload(bucket, folder.relativize(f).toString().replace('\\', '/'), f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String bucket(String logicalId) {
        return WITH_PINPOINT.stream().filter(r -> r.logicalId().equals(logicalId)).findFirst().orElseThrow().name();
    }
}
