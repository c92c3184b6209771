package io.contextualtargeting.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.local.cloudformation.ResolvedTemplates.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The buckets are encrypted, closed to the public and reachable over TLS only, and send their
 * object events to EventBridge; the state machines log to CloudWatch Logs and are traced by X-Ray.
 */
class BucketAndStateMachineSettingsTest {
    private static final Set<String> ENCRYPTIONS = Set.of("AES256", "aws:kms", "aws:kms:dsse");

    @Test
    void everyBucketIsEncryptedAndBlocksPublicAccess() {
        assertThat(Repository.deployed("AWS::S3::Bucket")).hasSizeGreaterThanOrEqualTo(2).allSatisfy(bucket -> {
            JsonNode p = bucket.properties();
            assertThat(p.path("BucketEncryption").path("ServerSideEncryptionConfiguration").path(0)
                    .path("ServerSideEncryptionByDefault").path("SSEAlgorithm").asText()).as(bucket.logicalId()).isIn(ENCRYPTIONS);
            for (String block : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
                assertThat(p.path("PublicAccessBlockConfiguration").path(block).asBoolean()).as(bucket.logicalId() + " " + block)
                        .isTrue();
            }
            assertThat(p.path("NotificationConfiguration").path("EventBridgeConfiguration").path("EventBridgeEnabled")
                    .asBoolean()).as(bucket.logicalId() + " sends object events to EventBridge").isTrue();
        });
    }

    /** Functions write by multipart upload; parts a timed-out function left behind must not be stored forever. */
    @Test
    void everyBucketRemovesIncompleteMultipartUploads() {
        assertThat(Repository.deployed("AWS::S3::Bucket")).allSatisfy(bucket -> assertThat(
                bucket.properties().path("LifecycleConfiguration").path("Rules")).as(bucket.logicalId())
                .anySatisfy(rule -> {
                    assertThat(rule.path("Status").asText()).isEqualTo("Enabled");
                    assertThat(rule.path("AbortIncompleteMultipartUpload").path("DaysAfterInitiation").asInt())
                            .isBetween(1, 7);
                }));
    }

    @Test
    void everyBucketPolicyDeniesRequestsWithoutTls() {
        List<Resource> policies = Repository.deployed("AWS::S3::BucketPolicy");

        assertThat(Repository.deployed("AWS::S3::Bucket")).allSatisfy(bucket -> {
            String arn = "arn:aws:s3:::" + bucket.name();
            List<JsonNode> denials = new ArrayList<>();
            policies.stream().filter(p -> p.properties().path("Bucket").asText().equals(bucket.name()))
                    .forEach(p -> p.properties().path("PolicyDocument").path("Statement").forEach(s -> {
                        if (deniesPlainHttp(s)) {
                            denials.add(s);
                        }
                    }));
            assertThat(denials).as(bucket.logicalId() + ": a Deny of s3:* when aws:SecureTransport is false").hasSize(1);
            assertThat(denials.get(0).path("Resource")).as(bucket.logicalId())
                    .extracting(JsonNode::asText).containsExactlyInAnyOrder(arn, arn + "/*");
        });
    }

    @Test
    void everyStateMachineLogsAndIsTraced() {
        assertThat(Repository.deployed("AWS::Serverless::StateMachine")).hasSizeGreaterThanOrEqualTo(3).allSatisfy(machine -> {
            JsonNode p = machine.properties();
            assertThat(p.path("Tracing").path("Enabled").asBoolean()).as(machine.logicalId() + " tracing").isTrue();
            assertThat(p.path("Logging").path("Level").asText()).as(machine.logicalId() + " log level")
                    .isIn("ALL", "ERROR", "FATAL");
            assertThat(p.path("Logging").path("Destinations").path(0).path("CloudWatchLogsLogGroup").path("LogGroupArn")
                    .asText()).as(machine.logicalId() + " log group").startsWith("arn:aws:logs:");
        });
    }

    private static boolean deniesPlainHttp(JsonNode statement) {
        return "Deny".equals(statement.path("Effect").asText()) && "*".equals(statement.path("Principal").asText())
                && "s3:*".equals(statement.path("Action").asText())
                && "false".equals(statement.path("Condition").path("Bool").path("aws:SecureTransport").asText());
    }
}
