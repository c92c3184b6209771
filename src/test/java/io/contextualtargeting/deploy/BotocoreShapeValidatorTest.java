package io.contextualtargeting.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.formats.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator of requests against botocore's models, on Personalize's real model. */
class BotocoreShapeValidatorTest {
    private final BotocoreShapeValidator personalize = new BotocoreShapeValidator(BotocoreModel.of("personalize"));

    private static final String VALID_JOB = """
            {"jobName": "bw-job-run1", "solutionVersionArn": "arn:aws:personalize:us-east-1:123456789012:solution/s/1",
             "roleArn": "arn:aws:iam::123456789012:role/personalize", "numResults": 50,
             "jobInput": {"s3DataSource": {"path": "s3://bucket/batch/job_config.json"}},
             "jobOutput": {"s3DataDestination": {"path": "s3://bucket/batch/out/"}}}""";

    @Test
    void conformingRequestHasNoProblem() {
        assertThat(problems("CreateBatchSegmentJob", VALID_JOB)).isEmpty();
    }

    @Test
    void missingRequiredMemberIsReportedWithItsPath() {
        assertThat(problems("CreateBatchSegmentJob", VALID_JOB.replace("\"path\": \"s3://bucket/batch/out/\"", "")))
                .containsExactly("CreateBatchSegmentJob.jobOutput.s3DataDestination.path: required member missing");
    }

    @Test
    void outOfRangeValuesAreReported() {
        assertThat(problems("ListDatasetGroups", "{\"maxResults\": 500}"))
                .containsExactly("ListDatasetGroups.maxResults: 500 is more than the maximum 100");
        assertThat(problems("CreateDatasetGroup", "{\"name\": \"" + "n".repeat(64) + "\"}"))
                .containsExactly("CreateDatasetGroup.name: 64 characters, more than the maximum 63");
    }

    @Test
    void valueNotMatchingThePatternIsReported() {
        assertThat(problems("CreateDatasetGroup", "{\"name\": \"bingewatch.v2\"}"))
                .containsExactly("CreateDatasetGroup.name: 'bingewatch.v2' does not match the pattern ^[a-zA-Z0-9][a-zA-Z0-9\\-_]*");
    }

    @Test
    void unknownMemberIsReported() {
        assertThat(problems("CreateDatasetGroup", "{\"name\": \"bingewatch\", \"performAutoTraining\": false}"))
                .containsExactly("CreateDatasetGroup.performAutoTraining: unknown member (not in the model)");
    }

    @Test
    void wrongTypeAndValueOutsideTheEnumAreReported() {
        assertThat(problems("CreateSolutionVersion", """
                {"solutionArn": "arn:aws:personalize:us-east-1:123456789012:solution/s", "trainingMode": "WEEKLY",
                 "tags": {"team": "ml"}}""")).containsExactly(
                "CreateSolutionVersion.trainingMode: 'WEEKLY' is not one of [FULL, UPDATE, AUTOTRAIN]",
                "CreateSolutionVersion.tags: expected a list, got object {\"team\":\"ml\"}");
    }

    private List<String> problems(String operation, String request) {
        try {
            JsonNode json = Json.mapper().readTree(request);
            return personalize.problems(operation, json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
