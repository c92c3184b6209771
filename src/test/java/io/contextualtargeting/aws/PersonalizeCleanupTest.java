package io.contextualtargeting.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.contextualtargeting.ports.SegmentationService.DatasetGroupContents;
import io.contextualtargeting.ports.SegmentationService.DeletionState;
import io.contextualtargeting.ports.SegmentationService.ResourceKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clean-up calls of the Personalize adapter against an HTTP stub: request shapes, sequences, NotFound and InUse. */
class PersonalizeCleanupTest extends PersonalizeContractTest {
    private static final String ARN = "arn:aws:personalize:us-east-1:123456789012:";
    private static final String GROUP = ARN + "dataset-group/bingewatch";
    private static final String SOLUTION = ARN + "solution/bw_affinity";
    private static final String DATASET = ARN + "dataset/bingewatch/INTERACTIONS";

    @Test
    void contentsListEveryKindInTheGroupAndTheSchemasOfItsDatasetsOnce() {
        AWS.stubFor(action("ListDatasetGroups").withRequestBody(equalToJson("{}")).willReturn(okJson(
                "{\"datasetGroups\": [{\"name\": \"other\", \"datasetGroupArn\": \"arn:other\"}], \"nextToken\": \"p2\"}")));
        AWS.stubFor(action("ListDatasetGroups").withRequestBody(equalToJson("{\"nextToken\": \"p2\"}")).willReturn(okJson(
                "{\"datasetGroups\": [{\"name\": \"bingewatch\", \"datasetGroupArn\": \"" + GROUP + "\"}]}")));
        String inGroup = "{\"datasetGroupArn\": \"" + GROUP + "\"}";
        AWS.stubFor(action("ListDatasets").withRequestBody(equalToJson(inGroup)).willReturn(okJson("{\"datasets\": ["
                + "{\"datasetArn\": \"" + DATASET + "\"}, {\"datasetArn\": \"arn:items\"}]}")));
        AWS.stubFor(action("ListSolutions").withRequestBody(equalToJson(inGroup)).willReturn(okJson(
                "{\"solutions\": [{\"solutionArn\": \"" + SOLUTION + "\"}]}")));
        AWS.stubFor(action("ListFilters").withRequestBody(equalToJson(inGroup)).willReturn(okJson(
                "{\"Filters\": [{\"filterArn\": \"arn:filter\"}]}")));
        AWS.stubFor(action("ListEventTrackers").withRequestBody(equalToJson(inGroup)).willReturn(okJson(
                "{\"eventTrackers\": [{\"eventTrackerArn\": \"arn:tracker\"}]}")));
        AWS.stubFor(action("DescribeDataset").willReturn(okJson("{\"dataset\": {\"schemaArn\": \"arn:schema\"}}")));

        DatasetGroupContents contents = personalize.datasetGroupContents("bingewatch");

        assertThat(contents).isEqualTo(new DatasetGroupContents("bingewatch", GROUP, List.of(SOLUTION), List.of("arn:filter"),
                List.of("arn:tracker"), List.of(DATASET, "arn:items"), List.of("arn:schema")));
        AWS.verify(called("DescribeDataset").withRequestBody(equalToJson("{\"datasetArn\": \"" + DATASET + "\"}")));
    }

    @Test
    void unknownDatasetGroupHasNoContentsAndNothingElseIsListed() {
        AWS.stubFor(action("ListDatasetGroups").willReturn(okJson("{\"datasetGroups\": []}")));

        assertThat(personalize.datasetGroupContents("bingewatch")).isEqualTo(DatasetGroupContents.none("bingewatch"));
        AWS.verify(exactly(0), called("ListDatasets"));
    }

    @Test
    void datasetGoesFromActiveThroughDeletePendingAndDeleteInProgressToGone() {
        describeDatasetInTurn("{\"dataset\": {\"status\": \"ACTIVE\"}}", "{\"dataset\": {\"status\": \"DELETE PENDING\"}}",
                "{\"dataset\": {\"status\": \"DELETE IN_PROGRESS\"}}");
        AWS.stubFor(action("DeleteDataset").willReturn(okJson("{}")));

        List<String> statuses = List.of(personalize.delete(ResourceKind.DATASET, DATASET).status(),
                personalize.delete(ResourceKind.DATASET, DATASET).status(),
                personalize.delete(ResourceKind.DATASET, DATASET).status(),
                personalize.delete(ResourceKind.DATASET, DATASET).status());

        assertThat(statuses).containsExactly("DELETE PENDING", "DELETE PENDING", "DELETE IN_PROGRESS", DeletionState.DELETED);
        AWS.verify(exactly(1), called("DeleteDataset").withRequestBody(equalToJson("{\"datasetArn\": \"" + DATASET + "\"}")));
    }

    @Test
    void resourceNotFoundMeansAlreadyDeleted() {
        AWS.stubFor(action("DescribeDatasetGroup").willReturn(error(400, "ResourceNotFoundException",
                "Could not find resource " + GROUP)));

        assertThat(personalize.delete(ResourceKind.DATASET_GROUP, GROUP)).isEqualTo(DeletionState.deleted(GROUP));
        AWS.verify(exactly(0), called("DeleteDatasetGroup"));
    }

    @Test
    void resourceGoneBetweenDescribeAndDeleteIsDeleted() {
        AWS.stubFor(action("DescribeEventTracker").willReturn(okJson("{\"eventTracker\": {\"status\": \"ACTIVE\"}}")));
        AWS.stubFor(action("DeleteEventTracker").willReturn(error(400, "ResourceNotFoundException", "gone")));

        assertThat(personalize.delete(ResourceKind.EVENT_TRACKER, "arn:tracker").isDeleted()).isTrue();
        AWS.verify(called("DeleteEventTracker").withRequestBody(equalToJson("{\"eventTrackerArn\": \"arn:tracker\"}")));
    }

    @Test
    void datasetGroupStuckInDeleteInProgressStaysPendingAndIsNotDeletedAgain() {
        AWS.stubFor(action("DescribeDatasetGroup").willReturn(okJson("{\"datasetGroup\": {\"status\": \"DELETE IN_PROGRESS\"}}")));

        for (int poll = 0; poll < 3; poll++) {
            assertThat(personalize.delete(ResourceKind.DATASET_GROUP, GROUP))
                    .isEqualTo(new DeletionState(GROUP, "DELETE IN_PROGRESS", null));
        }
        AWS.verify(exactly(3), called("DescribeDatasetGroup").withRequestBody(equalToJson("{\"datasetGroupArn\": \"" + GROUP + "\"}")));
        AWS.verify(exactly(0), called("DeleteDatasetGroup"));
    }

    @Test
    void resourceInUseWaitsAndSaysWhatPersonalizeAnswered() {
        AWS.stubFor(action("DescribeDataset").willReturn(okJson("{\"dataset\": {\"status\": \"ACTIVE\"}}")));
        AWS.stubFor(action("DeleteDataset").willReturn(error(400, "ResourceInUseException",
                "Dataset has a dataset import job in progress")));

        DeletionState state = personalize.delete(ResourceKind.DATASET, DATASET);

        assertThat(state).isEqualTo(new DeletionState(DATASET, "ACTIVE",
                "what still uses it (Dataset has a dataset import job in progress)"));
    }

    @Test
    void solutionVersionStillTrainingIsStoppedAndTheSolutionWaits() {
        AWS.stubFor(action("DescribeSolution").willReturn(okJson("{\"solution\": {\"status\": \"ACTIVE\"}}")));
        AWS.stubFor(action("ListSolutionVersions").withRequestBody(equalToJson("{\"solutionArn\": \"" + SOLUTION + "\"}"))
                .willReturn(okJson("{\"solutionVersions\": [{\"solutionVersionArn\": \"" + SOLUTION + "/v0\", \"status\": \"ACTIVE\"},"
                        + " {\"solutionVersionArn\": \"" + SOLUTION + "/v1\", \"status\": \"CREATE IN_PROGRESS\"}]}")));
        AWS.stubFor(action("StopSolutionVersionCreation").willReturn(okJson("{}")));

        DeletionState state = personalize.delete(ResourceKind.SOLUTION, SOLUTION);

        assertThat(state).isEqualTo(new DeletionState(SOLUTION, "ACTIVE", "training to stop: solution versions " + SOLUTION + "/v1"));
        AWS.verify(exactly(1), called("StopSolutionVersionCreation").withRequestBody(equalToJson(
                "{\"solutionVersionArn\": \"" + SOLUTION + "/v1\"}")));
        AWS.verify(exactly(0), called("DeleteSolution"));
    }

    @Test
    void solutionWhoseVersionsAreStoppedIsDeletedWithThem() {
        AWS.stubFor(action("DescribeSolution").willReturn(okJson("{\"solution\": {\"status\": \"ACTIVE\"}}")));
        AWS.stubFor(action("ListSolutionVersions").willReturn(okJson("{\"solutionVersions\": [{\"solutionVersionArn\": \""
                + SOLUTION + "/v1\", \"status\": \"CREATE STOPPED\"}]}")));
        AWS.stubFor(action("DeleteSolution").willReturn(okJson("{}")));

        assertThat(personalize.delete(ResourceKind.SOLUTION, SOLUTION).status()).isEqualTo("DELETE PENDING");
        AWS.verify(called("DeleteSolution").withRequestBody(equalToJson("{\"solutionArn\": \"" + SOLUTION + "\"}")));
        AWS.verify(exactly(0), called("StopSolutionVersionCreation"));
    }

    @Test
    void filterStillBeingCreatedIsNotDeletedYet() {
        AWS.stubFor(action("DescribeFilter").willReturn(okJson("{\"filter\": {\"status\": \"CREATE IN_PROGRESS\"}}")));

        assertThat(personalize.delete(ResourceKind.FILTER, "arn:filter"))
                .isEqualTo(new DeletionState("arn:filter", "CREATE IN_PROGRESS", "its creation to end"));
        AWS.verify(exactly(0), called("DeleteFilter"));
    }

    @Test
    void schemaIsDeletedAtOnceOrKeptWhileADatasetUsesIt() {
        AWS.stubFor(action("DeleteSchema").withRequestBody(equalToJson("{\"schemaArn\": \"arn:own\"}")).willReturn(okJson("{}")));
        AWS.stubFor(action("DeleteSchema").withRequestBody(equalToJson("{\"schemaArn\": \"arn:shared\"}"))
                .willReturn(error(400, "ResourceInUseException", "Schema is used by dataset arn:other")));

        assertThat(personalize.delete(ResourceKind.SCHEMA, "arn:own").isDeleted()).isTrue();
        assertThat(personalize.delete(ResourceKind.SCHEMA, "arn:shared").waitingFor()).contains("Schema is used by dataset arn:other");
        AWS.verify(exactly(0), called("DescribeSchema"));
    }

    @Test
    void deleteThatIsRefusedFailsWithTheActionAndTheReason() {
        AWS.stubFor(action("DescribeDatasetGroup").willReturn(okJson("{\"datasetGroup\": {\"status\": \"ACTIVE\"}}")));
        AWS.stubFor(action("DeleteDatasetGroup").willReturn(error(400, "AccessDeniedException",
                "not authorized to perform: personalize:DeleteDatasetGroup")));

        assertThatThrownBy(() -> personalize.delete(ResourceKind.DATASET_GROUP, GROUP))
                .isInstanceOfSatisfying(AwsRequestRejectedException.class, e -> assertThat(e.action()).isEqualTo("DeleteDatasetGroup"))
                .hasMessageContaining("dataset group " + GROUP).hasMessageContaining("not authorized");
    }

    @Test
    void throttledDeleteIsRetried() {
        AWS.stubFor(action("DescribeFilter").willReturn(okJson("{\"filter\": {\"status\": \"ACTIVE\"}}")));
        AWS.stubFor(action("DeleteFilter").inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(400, "ThrottlingException", "Rate exceeded")).willSetStateTo("ok"));
        AWS.stubFor(action("DeleteFilter").inScenario("throttle").whenScenarioStateIs("ok").willReturn(okJson("{}")));

        assertThat(personalize.delete(ResourceKind.FILTER, "arn:filter").status()).isEqualTo("DELETE PENDING");
        AWS.verify(exactly(2), called("DeleteFilter"));
    }

    /** DescribeDataset answers each body in turn, then ResourceNotFoundException. */
    private static void describeDatasetInTurn(String... answers) {
        String state = Scenario.STARTED;
        for (int i = 0; i < answers.length; i++) {
            AWS.stubFor(action("DescribeDataset").inScenario("lifecycle").whenScenarioStateIs(state)
                    .willReturn(okJson(answers[i])).willSetStateTo("answer " + (i + 1)));
            state = "answer " + (i + 1);
        }
        AWS.stubFor(action("DescribeDataset").inScenario("lifecycle").whenScenarioStateIs(state)
                .willReturn(error(400, "ResourceNotFoundException", "Could not find " + DATASET)));
    }
}
