package io.contextualtargeting.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.aws.AwsErrorCode;
import io.contextualtargeting.deploy.ApiCallRecorder.SentRequest;
import io.contextualtargeting.deploy.StateMachineServiceCalls.Call;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.personalize.model.CreateBatchSegmentJobRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Ecosystem check against botocore's API models. The requests our Java adapters send are checked
 * where they are made, in {@link FunctionPermissionsTest} (through {@link BotocoreModelCheck}); here:
 * the calls the state machines make themselves, and the mapping of SDK requests to the models'
 * member names.
 */
class BotocoreModelTest {

    @Test
    void everyServiceIntegrationOfTheStateMachinesSendsARequestItsModelAccepts() {
        List<Call> calls = StateMachineServiceCalls.ofDeployedStateMachines();

        assertThat(calls).as("service integrations of the state machines").isNotEmpty()
                .allSatisfy(call -> assertThat(call.service()).as("botocore service of %s (%s): add it to"
                        + " StateMachineServiceCalls.INTEGRATIONS", call.operation(), call.where()).isNotNull());
        List<String> problems = new ArrayList<>();
        calls.forEach(call -> new BotocoreShapeValidator(BotocoreModel.of(call.service()))
                .problems(call.operation(), call.request()).forEach(p -> problems.add(call.where() + ": " + p)));
        assertThat(problems).isEmpty();
    }

    @Test
    void eventBridgeDetailObjectIsSentAsJsonTextAndPathValuesAsRunTimeValues() {
        Call announce = StateMachineServiceCalls.ofDeployedStateMachines().stream()
                .filter(c -> "PutEvents".equals(c.operation())).findFirst().orElseThrow();

        assertThat(announce.request().at("/Entries/0/Detail").isTextual()).isTrue();
        assertThat(announce.request().at("/Entries/0/EventBusName").asText()).doesNotContain("${");
    }

    @Test
    void sdkRequestIsCheckedUnderTheModelsMemberNames() {
        CreateBatchSegmentJobRequest job = CreateBatchSegmentJobRequest.builder().jobName("bad name")
                .solutionVersionArn("arn:aws:personalize:us-east-1:123456789012:solution/s/1").numResults(10)
                .roleArn("arn:aws:iam::123456789012:role/r").jobInput(i -> i.s3DataSource(s -> s.path("s3://b/in.json"))).build();
        PutObjectRequest put = PutObjectRequest.builder().bucket("bucket").key("key").ifNoneMatch("*").build();

        assertThat(BotocoreModelCheck.problems(List.of(new SentRequest("Personalize", "CreateBatchSegmentJob", job),
                new SentRequest("S3", "PutObject", put)))).containsExactlyInAnyOrder(
                "Personalize.CreateBatchSegmentJob.jobOutput: required member missing",
                "Personalize.CreateBatchSegmentJob.jobName: 'bad name' does not match the pattern ^[a-zA-Z0-9][a-zA-Z0-9\\-_]*");
    }

    /**
     * The Personalize codes the adapters act on are the model's errors of the calls that meet them:
     * clean-up tells "gone" from "still in use" on every delete, and a quota or rate refusal comes
     * from the create calls of the training workflow.
     */
    @Test
    void personalizeErrorCodesTheAdaptersActOnAreErrorsOfTheirCallsInTheModel() {
        BotocoreModel personalize = BotocoreModel.of("personalize");

        for (String delete : List.of("DeleteDatasetGroup", "DeleteDataset", "DeleteSolution", "DeleteSchema")) {
            assertThat(personalize.errors(delete)).as(delete)
                    .contains(AwsErrorCode.RESOURCE_NOT_FOUND.code(), AwsErrorCode.RESOURCE_IN_USE.code());
        }
        for (String create : List.of("CreateDatasetImportJob", "CreateSolution", "CreateSolutionVersion",
                "CreateBatchSegmentJob")) {
            assertThat(personalize.errors(create)).as(create).contains(AwsErrorCode.LIMIT_EXCEEDED.code());
        }
    }
}
