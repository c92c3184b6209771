package io.contextualtargeting.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.ports.SegmentationService.BatchSegmentJobDescription;
import io.contextualtargeting.ports.SegmentationService.BatchSegmentJobRequest;
import io.contextualtargeting.ports.SegmentationService.DatasetType;
import io.contextualtargeting.ports.SegmentationService.ResourceState;
import io.contextualtargeting.ports.SolutionSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PersonalizeSegmentationServiceTest extends PersonalizeContractTest {

    private static final String GROUP = "arn:aws:personalize:us-east-1:123456789012:dataset-group/bingewatch";
    private static final String SOLUTION = "arn:aws:personalize:us-east-1:123456789012:solution/bw_affinity";
    private static final String VERSION = SOLUTION + "/v-1";

    @Test
    void newDatasetGroupIsCreatedAndReportedPending() {
        AWS.stubFor(action("ListDatasetGroups").willReturn(okJson("{\"datasetGroups\": []}")));
        AWS.stubFor(action("CreateDatasetGroup").willReturn(okJson("{\"datasetGroupArn\": \"" + GROUP + "\"}")));

        ResourceState state = personalize.ensureDatasetGroup("bingewatch", null);

        assertThat(state).isEqualTo(new ResourceState(GROUP, "CREATE PENDING", null));
        AWS.verify(called("CreateDatasetGroup").withRequestBody(equalToJson("{\"name\": \"bingewatch\"}")));
    }

    @Test
    void existingDatasetGroupIsFoundOnALaterPageAndNotCreatedAgain() {
        AWS.stubFor(action("ListDatasetGroups").withRequestBody(equalToJson("{}"))
                .willReturn(okJson("{\"datasetGroups\": [{\"name\": \"other\", \"datasetGroupArn\": \"arn:other\","
                        + " \"status\": \"ACTIVE\"}], \"nextToken\": \"page-2\"}")));
        AWS.stubFor(action("ListDatasetGroups").withRequestBody(equalToJson("{\"nextToken\": \"page-2\"}"))
                .willReturn(okJson("{\"datasetGroups\": [{\"name\": \"bingewatch\", \"datasetGroupArn\": \"" + GROUP
                        + "\", \"status\": \"CREATE IN_PROGRESS\"}]}")));

        ResourceState state = personalize.ensureDatasetGroup("bingewatch", "");

        assertThat(state).isEqualTo(new ResourceState(GROUP, "CREATE IN_PROGRESS", null));
        AWS.verify(exactly(2), called("ListDatasetGroups"));
        AWS.verify(exactly(0), called("CreateDatasetGroup"));
    }

    @Test
    void createThatLosesARaceFindsTheResourceTheOtherCallerCreated() {
        AWS.stubFor(action("ListSchemas").inScenario("race").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"schemas\": []}")).willSetStateTo("created elsewhere"));
        AWS.stubFor(action("ListSchemas").inScenario("race").whenScenarioStateIs("created elsewhere")
                .willReturn(okJson("{\"schemas\": [{\"name\": \"bw-interactions\", \"schemaArn\": \"arn:schema\"}]}")));
        AWS.stubFor(action("CreateSchema").willReturn(error(400, "ResourceAlreadyExistsException",
                "Schema bw-interactions already exists")));
        AWS.stubFor(action("DescribeSchema").willReturn(okJson(describedSchema("arn:schema", "{\"type\":\"record\"}"))));

        ResourceState state = personalize.ensureSchema("bw-interactions", "{\"type\": \"record\"}", null);

        assertThat(state).isEqualTo(new ResourceState("arn:schema", "ACTIVE", null));
        AWS.verify(exactly(1), called("CreateSchema"));
    }

    @Test
    void newSchemaSendsTheAvroDocumentAndIsActiveAtOnce() {
        AWS.stubFor(action("ListSchemas").willReturn(okJson("{\"schemas\": []}")));
        AWS.stubFor(action("CreateSchema").willReturn(okJson("{\"schemaArn\": \"arn:schema\"}")));
        AWS.stubFor(action("DescribeSchema").willReturn(okJson(describedSchema("arn:schema", "{\"type\":\"record\",\"name\":\"Items\"}"))));

        ResourceState state = personalize.ensureSchema("bw-items", "{\"type\":\"record\",\"name\":\"Items\"}", null);

        assertThat(state.isActive()).isTrue();
        AWS.verify(called("CreateSchema").withRequestBody(equalToJson(
                "{\"name\": \"bw-items\", \"schema\": \"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Items\\\"}\"}")));
    }

    @Test
    void existingSchemaWithTheSameFieldsIsReusedWhateverItsSpacing() {
        AWS.stubFor(action("ListSchemas").willReturn(okJson("{\"schemas\": [{\"name\": \"bw-items\", \"schemaArn\": \"arn:schema\"}]}")));
        AWS.stubFor(action("DescribeSchema").willReturn(okJson(describedSchema("arn:schema", "{\"name\": \"Items\", \"type\": \"record\"}"))));

        ResourceState state = personalize.ensureSchema("bw-items", "{\"type\":\"record\",\"name\":\"Items\"}", null);

        assertThat(state).isEqualTo(new ResourceState("arn:schema", "ACTIVE", null));
        AWS.verify(called("DescribeSchema").withRequestBody(equalToJson("{\"schemaArn\": \"arn:schema\"}")));
        AWS.verify(exactly(0), called("CreateSchema"));
    }

    @Test
    void existingSchemaWithOtherFieldsStopsTheTrainingInsteadOfImportingAgainstTheOldFields() {
        AWS.stubFor(action("ListSchemas").willReturn(okJson("{\"schemas\": [{\"name\": \"bw-items\", \"schemaArn\": \"arn:schema\"}]}")));
        AWS.stubFor(action("DescribeSchema").willReturn(okJson(describedSchema("arn:schema", "{\"type\":\"record\",\"name\":\"OldItems\"}"))));

        assertThatThrownBy(() -> personalize.ensureSchema("bw-items", "{\"type\":\"record\",\"name\":\"Items\"}", null))
                .hasMessageContaining("schema bw-items exists with other fields")
                .hasMessageContaining("schema.serviceConfig.name");
        AWS.verify(exactly(0), called("CreateSchema"));
    }

    private static String describedSchema(String arn, String avro) {
        return "{\"schema\": {\"name\": \"bw-items\", \"schemaArn\": \"" + arn + "\", \"schema\": \""
                + avro.replace("\"", "\\\"") + "\"}}";
    }

    @Test
    void datasetOfTheSameTypeInTheGroupIsTheDatasetAskedFor() {
        AWS.stubFor(action("ListDatasets").willReturn(okJson("{\"datasets\": [{\"name\": \"bw-items\","
                + " \"datasetArn\": \"arn:items\", \"datasetType\": \"ITEMS\", \"status\": \"ACTIVE\"}, {\"name\":"
                + " \"old-interactions\", \"datasetArn\": \"arn:interactions\", \"datasetType\": \"INTERACTIONS\","
                + " \"status\": \"ACTIVE\"}]}")));
        AWS.stubFor(action("DescribeDataset").willReturn(okJson(describedDataset("arn:schema"))));

        ResourceState state = personalize.ensureDataset(GROUP, DatasetType.INTERACTIONS, "bw-interactions", "arn:schema");

        assertThat(state).isEqualTo(new ResourceState("arn:interactions", "ACTIVE", null));
        AWS.verify(called("ListDatasets").withRequestBody(equalToJson("{\"datasetGroupArn\": \"" + GROUP + "\"}")));
        AWS.verify(exactly(0), called("CreateDataset"));
    }

    @Test
    void newDatasetIsCreatedWithItsTypeAndSchema() {
        AWS.stubFor(action("ListDatasets").willReturn(okJson("{\"datasets\": []}")));
        AWS.stubFor(action("CreateDataset").willReturn(okJson("{\"datasetArn\": \"arn:users\"}")));
        AWS.stubFor(action("DescribeDataset").willReturn(okJson(describedDataset("arn:schema"))));

        personalize.ensureDataset(GROUP, DatasetType.USERS, "bw-users", "arn:schema");

        AWS.verify(called("CreateDataset").withRequestBody(equalToJson("{\"name\": \"bw-users\", \"datasetType\":"
                + " \"USERS\", \"datasetGroupArn\": \"" + GROUP + "\", \"schemaArn\": \"arn:schema\"}")));
    }

    @Test
    void datasetCreatedWithAnotherSchemaStopsTheTrainingInsteadOfImportingAgainstTheOldFields() {
        AWS.stubFor(action("ListDatasets").willReturn(okJson("{\"datasets\": [{\"name\": \"bw-items\","
                + " \"datasetArn\": \"arn:items\", \"datasetType\": \"ITEMS\", \"status\": \"ACTIVE\"}]}")));
        AWS.stubFor(action("DescribeDataset").willReturn(okJson(describedDataset("arn:old-schema"))));

        assertThatThrownBy(() -> personalize.ensureDataset(GROUP, DatasetType.ITEMS, "bw-items", "arn:new-schema"))
                .hasMessageContaining("dataset arn:items was created with schema arn:old-schema, not with arn:new-schema")
                .hasMessageContaining("datasetGroup.serviceConfig.name");
        AWS.verify(called("DescribeDataset").withRequestBody(equalToJson("{\"datasetArn\": \"arn:items\"}")));
    }

    private static String describedDataset(String schemaArn) {
        return "{\"dataset\": {\"datasetArn\": \"arn:items\", \"schemaArn\": \"" + schemaArn + "\", \"status\": \"ACTIVE\"}}";
    }

    @Test
    void datasetImportJobReadsTheS3FileWithThePersonalizeRole() {
        AWS.stubFor(action("ListDatasetImportJobs").willReturn(okJson("{\"datasetImportJobs\": []}")));
        AWS.stubFor(action("CreateDatasetImportJob").willReturn(okJson("{\"datasetImportJobArn\": \"arn:import\"}")));

        personalize.ensureDatasetImportJob("arn:interactions", "bw-interactions-20261128",
                new ObjectRef("personalize-bucket", "train/bingewatch/interactions.csv"));

        AWS.verify(called("CreateDatasetImportJob").withRequestBody(equalToJson("{\"jobName\":"
                + " \"bw-interactions-20261128\", \"datasetArn\": \"arn:interactions\", \"roleArn\": \"" + ROLE + "\","
                + " \"dataSource\": {\"dataLocation\": \"s3://personalize-bucket/train/bingewatch/interactions.csv\"}}")));
    }

    @Test
    void existingImportJobReportsItsFailureReason() {
        AWS.stubFor(action("ListDatasetImportJobs").willReturn(okJson("{\"datasetImportJobs\": [{\"jobName\":"
                + " \"bw-import\", \"datasetImportJobArn\": \"arn:import\", \"status\": \"CREATE FAILED\","
                + " \"failureReason\": \"Column TIMESTAMP is not a long\"}]}")));

        ResourceState state = personalize.ensureDatasetImportJob("arn:interactions", "bw-import",
                new ObjectRef("b", "interactions.csv"));

        assertThat(state.isFailed()).isTrue();
        assertThat(state.failureReason()).isEqualTo("Column TIMESTAMP is not a long");
    }

    @Test
    void solutionIsCreatedWithRecipeAndHyperparametersWithoutHpo() {
        AWS.stubFor(action("ListSolutions").willReturn(okJson("{\"solutions\": []}")));
        AWS.stubFor(action("CreateSolution").willReturn(okJson("{\"solutionArn\": \"" + SOLUTION + "\"}")));

        personalize.ensureSolution(GROUP, "bw_affinity", "arn:aws:personalize:::recipe/aws-item-affinity",
                SolutionSettings.ofHyperparameters(Map.of("hidden_dimension", "64")));

        AWS.verify(called("CreateSolution").withRequestBody(equalToJson("{\"name\": \"bw_affinity\", \"datasetGroupArn\":"
                + " \"" + GROUP + "\", \"recipeArn\": \"arn:aws:personalize:::recipe/aws-item-affinity\","
                + " \"performHPO\": false, \"performAutoTraining\": false, \"solutionConfig\": {\"algorithmHyperParameters\":"
                + " {\"hidden_dimension\": \"64\"}}}")));
    }

    /** Personalize's default is true: a new, billed solution version every 7 days until the solution is deleted. */
    @Test
    void solutionIsCreatedWithoutAutoTraining() {
        AWS.stubFor(action("ListSolutions").willReturn(okJson("{\"solutions\": []}")));
        AWS.stubFor(action("CreateSolution").willReturn(okJson("{\"solutionArn\": \"" + SOLUTION + "\"}")));

        personalize.ensureSolution(GROUP, "bw_affinity", "arn:aws:personalize:::recipe/aws-item-affinity", SolutionSettings.none());

        AWS.verify(called("CreateSolution").withRequestBody(matchingJsonPath("$.performAutoTraining", equalTo("false"))));
    }

    @Test
    void solutionEventSettingsAreSentInSolutionConfigAndTheEmbeddedEngineBlockIsNot() {
        AWS.stubFor(action("ListSolutions").willReturn(okJson("{\"solutions\": []}")));
        AWS.stubFor(action("CreateSolution").willReturn(okJson("{\"solutionArn\": \"" + SOLUTION + "\"}")));
        SolutionSettings settings = new SolutionSettings(Map.of("hidden_dimension", "64"), 2.0,
                List.of(new SolutionSettings.EventParameters("purchase", null, 1.0),
                        new SolutionSettings.EventParameters("view", 0.5, 0.25)),
                new SolutionSettings.EmbeddedEngine(30.0, 7.0, 12, 0.1));

        personalize.ensureSolution(GROUP, "bw_affinity", "arn:aws:personalize:::recipe/aws-item-affinity", settings);

        AWS.verify(called("CreateSolution").withRequestBody(equalToJson("{\"name\": \"bw_affinity\", \"datasetGroupArn\":"
                + " \"" + GROUP + "\", \"recipeArn\": \"arn:aws:personalize:::recipe/aws-item-affinity\","
                + " \"performHPO\": false, \"performAutoTraining\": false, \"solutionConfig\": {\"algorithmHyperParameters\": {\"hidden_dimension\": \"64\"},"
                + " \"eventValueThreshold\": \"2\", \"eventsConfig\": {\"eventParametersList\": ["
                + "{\"eventType\": \"purchase\", \"weight\": 1.0},"
                + " {\"eventType\": \"view\", \"eventValueThreshold\": 0.5, \"weight\": 0.25}]}}}")));
    }

    @Test
    void solutionVersionIsFoundByNameAmongTheSolutionsVersions() {
        AWS.stubFor(action("ListSolutionVersions").willReturn(okJson("{\"solutionVersions\": ["
                + "{\"solutionVersionArn\": \"" + SOLUTION + "/v-0\", \"status\": \"ACTIVE\"},"
                + "{\"solutionVersionArn\": \"" + VERSION + "\", \"status\": \"CREATE IN_PROGRESS\"}]}")));
        AWS.stubFor(action("DescribeSolutionVersion").withRequestBody(equalToJson("{\"solutionVersionArn\": \"" + SOLUTION
                + "/v-0\"}")).willReturn(okJson("{\"solutionVersion\": {\"name\": \"train-20261101\", \"solutionVersionArn\":"
                + " \"" + SOLUTION + "/v-0\", \"status\": \"ACTIVE\"}}")));
        AWS.stubFor(action("DescribeSolutionVersion").withRequestBody(equalToJson("{\"solutionVersionArn\": \"" + VERSION
                + "\"}")).willReturn(okJson("{\"solutionVersion\": {\"name\": \"train-20261128\", \"solutionVersionArn\":"
                + " \"" + VERSION + "\", \"status\": \"CREATE IN_PROGRESS\"}}")));

        ResourceState state = personalize.ensureSolutionVersion(SOLUTION, "train-20261128");

        assertThat(state).isEqualTo(new ResourceState(VERSION, "CREATE IN_PROGRESS", null));
        AWS.verify(exactly(0), called("CreateSolutionVersion"));
    }

    @Test
    void newSolutionVersionTrainsFullyUnderTheGivenName() {
        AWS.stubFor(action("ListSolutionVersions").willReturn(okJson("{\"solutionVersions\": []}")));
        AWS.stubFor(action("CreateSolutionVersion").willReturn(okJson("{\"solutionVersionArn\": \"" + VERSION + "\"}")));

        ResourceState state = personalize.ensureSolutionVersion(SOLUTION, "train-20261128");

        assertThat(state.arn()).isEqualTo(VERSION);
        AWS.verify(called("CreateSolutionVersion").withRequestBody(equalToJson("{\"name\": \"train-20261128\","
                + " \"solutionArn\": \"" + SOLUTION + "\", \"trainingMode\": \"FULL\"}")));
    }

    @Test
    void metricsComeFromGetSolutionMetrics() {
        AWS.stubFor(action("GetSolutionMetrics").willReturn(okJson("{\"solutionVersionArn\": \"" + VERSION + "\","
                + " \"metrics\": {\"hits_at_1_percent\": 12.0, \"recall_at_1_percent\": 0.121, \"coverage\": 0.5}}")));

        Map<String, Double> metrics = personalize.solutionVersionMetrics(VERSION);

        assertThat(metrics).containsExactlyInAnyOrderEntriesOf(
                Map.of("hits_at_1_percent", 12.0, "recall_at_1_percent", 0.121, "coverage", 0.5));
    }

    @Test
    void batchSegmentJobReadsInputAndWritesOutputWithThePersonalizeRole() {
        AWS.stubFor(action("ListBatchSegmentJobs").willReturn(okJson("{\"batchSegmentJobs\": []}")));
        AWS.stubFor(action("CreateBatchSegmentJob").willReturn(okJson("{\"batchSegmentJobArn\": \"arn:job\"}")));

        personalize.ensureBatchSegmentJob(new BatchSegmentJobRequest("bw-job-1", VERSION,
                new ObjectRef("pb", "batch/bingewatch/bw/job_config.json"),
                new ObjectRef("pb", "batch/bingewatch/bw/batch_bw_2026_11_28/"), 50, null));

        AWS.verify(called("CreateBatchSegmentJob").withRequestBody(equalToJson("{\"jobName\": \"bw-job-1\","
                + " \"solutionVersionArn\": \"" + VERSION + "\", \"numResults\": 50, \"roleArn\": \"" + ROLE + "\","
                + " \"jobInput\": {\"s3DataSource\": {\"path\": \"s3://pb/batch/bingewatch/bw/job_config.json\"}},"
                + " \"jobOutput\": {\"s3DataDestination\": {\"path\": \"s3://pb/batch/bingewatch/bw/batch_bw_2026_11_28/\"}}}")));
    }

    @Test
    void batchSegmentJobWithoutPersonalizeRoleFailsBeforeCreatingAnything() {
        AWS.stubFor(action("ListBatchSegmentJobs").willReturn(okJson("{\"batchSegmentJobs\": []}")));
        PersonalizeSegmentationService withoutRole = new PersonalizeSegmentationService(client, Optional.empty());

        assertThatThrownBy(() -> withoutRole.ensureBatchSegmentJob(new BatchSegmentJobRequest("j", VERSION,
                new ObjectRef("pb", "in.json"), new ObjectRef("pb", "out/"), 50, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CreateBatchSegmentJob needs the role")
                .hasMessageContaining("PERSONALIZE_ROLE_ARN");
        AWS.verify(exactly(0), called("CreateBatchSegmentJob"));
    }

    @Test
    void existingBatchSegmentJobOfTheSolutionVersionIsNotStartedTwice() {
        AWS.stubFor(action("ListBatchSegmentJobs").willReturn(okJson("{\"batchSegmentJobs\": [{\"jobName\": \"bw-job-1\","
                + " \"batchSegmentJobArn\": \"arn:job\", \"status\": \"ACTIVE\"}]}")));

        ResourceState state = personalize.ensureBatchSegmentJob(new BatchSegmentJobRequest("bw-job-1", VERSION,
                new ObjectRef("pb", "in.json"), new ObjectRef("pb", "out/"), 50, "arn:filter"));

        assertThat(state.isActive()).isTrue();
        AWS.verify(called("ListBatchSegmentJobs").withRequestBody(equalToJson("{\"solutionVersionArn\": \"" + VERSION + "\"}")));
        AWS.verify(exactly(0), called("CreateBatchSegmentJob"));
    }

    @Test
    void describedBatchSegmentJobGivesItsInputAndOutputLocations() {
        AWS.stubFor(action("DescribeBatchSegmentJob").willReturn(okJson("{\"batchSegmentJob\": {\"jobName\": \"bw-job-1\","
                + " \"batchSegmentJobArn\": \"arn:job\", \"status\": \"ACTIVE\", \"solutionVersionArn\": \"" + VERSION + "\","
                + " \"numResults\": 50, \"jobInput\": {\"s3DataSource\": {\"path\": \"s3://pb/in/job_config.json\"}},"
                + " \"jobOutput\": {\"s3DataDestination\": {\"path\": \"s3://pb/out/\"}}}}")));

        BatchSegmentJobDescription job = personalize.describeBatchSegmentJob("arn:job");

        assertThat(job).isEqualTo(new BatchSegmentJobDescription("arn:job", "bw-job-1", "ACTIVE", null, VERSION,
                new ObjectRef("pb", "in/job_config.json"), new ObjectRef("pb", "out/"), 50));
    }

    @Test
    void throttledCallIsRetriedAndSucceeds() {
        AWS.stubFor(action("DescribeBatchSegmentJob").inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(400, "ThrottlingException", "Rate exceeded")).willSetStateTo("ok"));
        AWS.stubFor(action("DescribeBatchSegmentJob").inScenario("throttle").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"batchSegmentJob\": {\"batchSegmentJobArn\": \"arn:job\", \"status\": \"ACTIVE\","
                        + " \"jobInput\": {\"s3DataSource\": {\"path\": \"s3://pb/in.json\"}},"
                        + " \"jobOutput\": {\"s3DataDestination\": {\"path\": \"s3://pb/out/\"}}}}")));

        assertThat(personalize.describeBatchSegmentJob("arn:job").status()).isEqualTo("ACTIVE");
        AWS.verify(exactly(2), called("DescribeBatchSegmentJob"));
    }

    @Test
    void rateLimitExceededIsRetriedButAQuotaLimitIsNot() {
        AWS.stubFor(action("GetSolutionMetrics").inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(400, "LimitExceededException", "The limit on the number of requests per second has"
                        + " been exceeded.")).willSetStateTo("ok"));
        AWS.stubFor(action("GetSolutionMetrics").inScenario("rate").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"metrics\": {\"coverage\": 0.5}}")));
        AWS.stubFor(action("ListBatchSegmentJobs").willReturn(okJson("{\"batchSegmentJobs\": []}")));
        AWS.stubFor(action("CreateBatchSegmentJob").willReturn(error(400, "LimitExceededException",
                "You have exceeded the maximum of 5 pending or running batch segment jobs")));
        BatchSegmentJobRequest job = new BatchSegmentJobRequest("j", VERSION, new ObjectRef("pb", "in.json"),
                new ObjectRef("pb", "out/"), 50, null);

        assertThat(personalize.solutionVersionMetrics(VERSION)).containsEntry("coverage", 0.5);
        assertThatThrownBy(() -> personalize.ensureBatchSegmentJob(job))
                .isInstanceOf(AwsRequestRejectedException.class)
                .hasMessageContaining("maximum of 5 pending or running");
        AWS.verify(exactly(2), called("GetSolutionMetrics"));
        AWS.verify(exactly(1), called("CreateBatchSegmentJob"));
    }

    @Test
    void serverErrorIsRetriedAndSucceeds() {
        AWS.stubFor(action("ListSolutions").inScenario("5xx").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(500, "InternalServerError", "boom")).willSetStateTo("ok"));
        AWS.stubFor(action("ListSolutions").inScenario("5xx").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"solutions\": [{\"name\": \"bw\", \"solutionArn\": \"" + SOLUTION + "\","
                        + " \"status\": \"ACTIVE\"}]}")));

        assertThat(personalize.ensureSolution(GROUP, "bw", "arn:recipe", SolutionSettings.none()).arn()).isEqualTo(SOLUTION);
        AWS.verify(exactly(2), called("ListSolutions"));
    }

    @Test
    void invalidInputIsRejectedOnceWithTheActionAndReason() {
        AWS.stubFor(action("ListDatasetImportJobs").willReturn(okJson("{\"datasetImportJobs\": []}")));
        AWS.stubFor(action("CreateDatasetImportJob").willReturn(error(400, "InvalidInputException",
                "Provide a valid S3 path")));

        assertThatThrownBy(() -> personalize.ensureDatasetImportJob("arn:ds", "imp", new ObjectRef("b", "k.csv")))
                .isInstanceOfSatisfying(AwsRequestRejectedException.class, e -> {
                    assertThat(e.action()).isEqualTo("CreateDatasetImportJob");
                    assertThat(e.errorCode()).isEqualTo("InvalidInputException");
                    assertThat(e.statusCode()).isEqualTo(400);
                })
                .hasMessage("Amazon Personalize rejected CreateDatasetImportJob for dataset import job 'imp':"
                        + " Provide a valid S3 path [InvalidInputException, HTTP 400]; not retried, the same request"
                        + " would be rejected again");
        AWS.verify(exactly(1), called("CreateDatasetImportJob"));
    }

    @Test
    void persistentServerErrorsStopAfterTheConfiguredAttempts() {
        AWS.stubFor(action("DescribeBatchSegmentJob").willReturn(error(503, "ServiceUnavailable", "try later")));

        assertThatThrownBy(() -> personalize.describeBatchSegmentJob("arn:job"))
                .isInstanceOf(AwsServiceUnavailableException.class)
                .hasMessageContaining("DescribeBatchSegmentJob")
                .hasMessageContaining("after 3 attempts");
        AWS.verify(exactly(TestAws.FAST_RETRIES.maxAttempts()), called("DescribeBatchSegmentJob"));
    }
}
