package io.contextualtargeting.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.formats.Json;
import io.contextualtargeting.local.cloudformation.ResolvedTemplates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** How the permission check reads policies and judges calls: IAM's rules, on small policies. */
class PermissionCheckTest {
    private static final String OBJECT = "arn:aws:s3:::data/batch/job.out";

    @Test
    void callThatNoStatementAllowsIsReported() {
        Policy policy = policy("""
                [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::data/train/*"}]""");

        assertThat(PermissionCheck.problems(policy, List.of(new ApiCall("s3:GetObject", OBJECT, "S3.GetObject"))))
                .contains("not allowed: s3:GetObject on " + OBJECT + " (S3.GetObject)");
    }

    @Test
    void grantThatNoCallUsesIsReportedPerActionAndResource() {
        Policy policy = policy("""
                [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"],
                  "Resource": ["arn:aws:s3:::data/batch/*", "arn:aws:s3:::data/train/*"]}]""");

        assertThat(PermissionCheck.problems(policy, List.of(new ApiCall("s3:GetObject", OBJECT, "S3.GetObject"))))
                .containsExactly("granted but never called: s3:GetObject on arn:aws:s3:::data/train/*",
                        "granted but never called: s3:PutObject on arn:aws:s3:::data/batch/*",
                        "granted but never called: s3:PutObject on arn:aws:s3:::data/train/*");
    }

    @Test
    void explicitDenyWinsOverAllow() {
        Policy policy = policy("""
                [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
                 {"Effect": "Deny", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::data/batch/*"}]""");

        assertThat(policy.allows(new ApiCall("s3:GetObject", OBJECT, "S3.GetObject"))).isFalse();
        assertThat(policy.allows(new ApiCall("s3:PutObject", OBJECT, "S3.PutObject"))).isTrue();
    }

    @Test
    void starResourceIsAcceptedOnlyForActionsWithoutResourceLevelPermissions() {
        Policy policy = policy("""
                [{"Effect": "Allow", "Action": ["personalize:ListSolutions", "personalize:CreateSolution"], "Resource": "*"}]""");
        List<ApiCall> calls = List.of(new ApiCall("personalize:ListSolutions", "*", "Personalize.ListSolutions"),
                new ApiCall("personalize:CreateSolution", "arn:aws:personalize:local:0:solution/s", "Personalize.CreateSolution"));

        assertThat(PermissionCheck.problems(policy, calls)).containsExactly(
                "Resource '*' for personalize:CreateSolution, which supports resource-level permissions");
    }

    @Test
    void scopedGrantOfAnActionWithoutResourceLevelPermissionsDoesNotAllowIt() {
        Policy policy = policy("""
                [{"Effect": "Allow", "Action": "personalize:ListSolutions",
                  "Resource": "arn:aws:personalize:local:0:dataset-group/*"}]""");

        assertThat(policy.allows(new ApiCall("personalize:ListSolutions", "*", "Personalize.ListSolutions"))).isFalse();
    }

    @Test
    void conditionKeysOfTheCallMustSatisfyTheStatement() {
        Policy policy = policy("""
                [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::data",
                  "Condition": {"StringLike": {"s3:prefix": "batch/*"}}}]""");

        assertThat(policy.allows(new ApiCall("s3:ListBucket", "arn:aws:s3:::data", Map.of("s3:prefix", "batch/j/"), "S3.ListObjectsV2")))
                .isTrue();
        assertThat(policy.allows(new ApiCall("s3:ListBucket", "arn:aws:s3:::data", Map.of("s3:prefix", "train/"), "S3.ListObjectsV2")))
                .isFalse();
        assertThat(policy.allows(new ApiCall("s3:ListBucket", "arn:aws:s3:::data", "S3.HeadObject answered 404"))).isFalse();
    }

    @Test
    void passRoleMustBeLimitedToTheServiceTheRoleIsFor() {
        String role = "arn:aws:iam::0:role/PersonalizeRole";
        Policy policy = policy("""
                [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "%s"}]""".formatted(role));

        assertThat(PermissionCheck.problems(policy, List.of(new ApiCall("iam:PassRole", role,
                Map.of("iam:PassedToService", "personalize.amazonaws.com"), "Personalize.CreateBatchSegmentJob"))))
                .containsExactly("iam:PassRole without a StringEquals iam:PassedToService condition");
    }

    @Test
    void samPolicyTemplatesExpandAsSamDoesAndUnknownOnesAreRefused() {
        Policy policy = Policy.of(function("""
                {"Policies": [{"SNSPublishMessagePolicy": {"TopicName": "alerts"}}]}"""));

        assertThat(policy.allows(new ApiCall("sns:Publish", "arn:aws:sns:" + ResolvedTemplates.REGION + ":"
                + ResolvedTemplates.ACCOUNT + ":alerts", "Sns.Publish"))).isTrue();
        assertThatThrownBy(() -> Policy.of(function("{\"Policies\": [{\"S3CrudPolicy\": {\"BucketName\": \"b\"}}]}")))
                .hasMessageContaining("S3CrudPolicy");
    }

    private static Policy policy(String statements) {
        return Policy.of(StreamSupport.stream(parse(statements).spliterator(), false).map(Policy::statement).toList());
    }

    private static ResolvedTemplates.Resource function(String properties) {
        return new ResolvedTemplates.Resource("stack", "template.yaml", "F", "AWS::Serverless::Function", "f",
                parse(properties));
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
