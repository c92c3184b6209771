package io.contextualtargeting.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contextualtargeting.aws.AwsClientFactory;
import io.contextualtargeting.aws.PersonalizeSegmentationService;
import io.contextualtargeting.aws.RetrySettings;
import io.contextualtargeting.aws.S3ObjectStore;
import io.contextualtargeting.aws.SnsNotifier;
import io.contextualtargeting.formats.Json;
import io.contextualtargeting.ports.ObjectNotFoundException;
import io.contextualtargeting.ports.ObjectRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Ecosystem check: the real AWS adapters (S3 object store, SNS notifier, Personalize schemas) and
 * the training workflow's EventBridge announcement against Python moto's implementation of the
 * services ({@code moto_server} on 127.0.0.1, started and stopped here), with clients built by the
 * app's {@link AwsClientFactory}. Every request sent must also conform to botocore's model.
 */
class MotoServerIT {
    private static final String BUCKET = "moto-check-bucket";
    private static final int PART = 5 * 1024 * 1024;

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private final ApiCallRecorder recorder = new ApiCallRecorder();
    @RegisterExtension
    final BotocoreModelCheck requestsMatchBotocoreModels = new BotocoreModelCheck(recorder::requests);

    private AwsClientFactory aws;
    private S3Client s3;

    @BeforeEach
    void connect() {
        aws = new AwsClientFactory(Optional.of(Region.US_EAST_1), Optional.of(MOTO.endpoint()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test-key", "test-secret")),
                new RetrySettings(2, Duration.ofMillis(1), Duration.ofMillis(5)), List.of(recorder));
        s3 = DeployedFunction.s3Client(aws);
        if (!s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(BUCKET))) {
            s3.createBucket(b -> b.bucket(BUCKET));
        }
    }

    @AfterEach
    void disconnect() {
        s3.close();
    }

    @Test
    void objectStoreWritesReadsListsAndTellsAMissingKeyFromAnError() {
        S3ObjectStore store = new S3ObjectStore(s3);
        ObjectRef segment = new ObjectRef(BUCKET, "pinpoint/item_105.csv");
        ObjectRef missing = new ObjectRef(BUCKET, "pinpoint/missing.csv");

        store.writeText(segment, "User.UserId\nu-1\n");

        assertThat(store.readText(segment)).isEqualTo("User.UserId\nu-1\n");
        assertThat(store.list(BUCKET, "pinpoint/")).contains(segment).doesNotContain(missing);
        assertThat(store.exists(missing)).isFalse();
        assertThatThrownBy(() -> store.read(missing)).isInstanceOf(ObjectNotFoundException.class);
        assertThat(store.writeIfAbsent(segment, out -> out.write('x'))).isFalse();
        store.delete(segment);
        assertThat(store.exists(segment)).isFalse();
    }

    @Test
    void largeObjectGoesUpInPartsAndAFailedWriterLeavesNeitherObjectNorParts() {
        S3ObjectStore store = new S3ObjectStore(s3, PART);
        ObjectRef large = new ObjectRef(BUCKET, "batch/large.txt");
        ObjectRef failed = new ObjectRef(BUCKET, "batch/failed.txt");
        byte[] body = new byte[PART + 1000];
        Arrays.fill(body, (byte) 'u');

        store.write(large, out -> out.write(body));
        assertThatThrownBy(() -> store.write(failed, out -> {
            out.write(body);
            throw new IOException("writer failed after one part");
        })).isInstanceOf(UncheckedIOException.class);

        assertThat(store.readText(large)).hasSize(body.length);
        assertThat(recorder.requests()).extracting(ApiCallRecorder.SentRequest::operation)
                .contains("CreateMultipartUpload", "UploadPart", "CompleteMultipartUpload", "AbortMultipartUpload");
        assertThat(store.exists(failed)).isFalse();
        assertThat(s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads()).isEmpty();
    }

    @Test
    void notifierPublishesToATopicWithinSnsLimits() {
        // SNS takes subjects of up to 100 characters (moto too; its documentation says "less than 100")
        String topic;
        try (SnsClient sns = aws.configure(SnsClient.builder()).build()) {
            topic = sns.createTopic(b -> b.name("moto-check-notifications")).topicArn();
            new SnsNotifier(sns, topic).notify("Training failed: " + "very long subject ".repeat(10), "details");
        }

        JsonNode sent = StreamSupport.stream(MOTO.modelData().at("/sns/Topic").spliterator(), false)
                .filter(t -> t.path("arn").asText().equals(topic)).findFirst().orElseThrow().path("sent_notifications");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).get(1).asText()).isEqualTo("details");
        assertThat(sent.get(0).get(2).asText()).startsWith("Training failed: ").hasSizeLessThanOrEqualTo(100);
    }

    @Test
    void schemaIsCreatedOnceFoundByNameAndRefusedWithOtherFields() {
        String interactions = schema("ITEM_ID");
        try (PersonalizeClient client = aws.personalize()) {
            PersonalizeSegmentationService personalize = new PersonalizeSegmentationService(client, Optional.empty());

            String created = personalize.ensureSchema("moto-check-interactions", interactions, null).arn();

            assertThat(client.describeSchema(b -> b.schemaArn(created)).schema().name()).isEqualTo("moto-check-interactions");
            assertThat(personalize.ensureSchema("moto-check-interactions", interactions, null).arn()).isEqualTo(created);
            assertThatThrownBy(() -> personalize.ensureSchema("moto-check-interactions", schema("EVENT_TYPE"), null))
                    .hasMessageContaining("moto-check-interactions");
        }
    }

    @Test
    void trainingAnnouncementIsAcceptedByItsBusAndDeliveredByThePostProcessingRule() {
        JsonNode entry = StateMachineServiceCalls.ofDeployedStateMachines().stream()
                .filter(c -> "PutEvents".equals(c.operation())).findFirst().orElseThrow().request().at("/Entries/0");
        String bus = entry.path("EventBusName").asText();
        String queueUrl = MOTO.awsJson("sqs", "AmazonSQS.CreateQueue", object().put("QueueName", "moto-check-rule")).path("QueueUrl").asText();
        MOTO.awsJson("events", "AWSEvents.CreateEventBus", object().put("Name", bus));
        MOTO.awsJson("events", "AWSEvents.PutRule", object().put("Name", "post-processing").put("EventBusName", bus)
                .put("EventPattern", postProcessingRulePattern().toString()));
        MOTO.awsJson("events", "AWSEvents.PutTargets", object().put("Rule", "post-processing").put("EventBusName", bus)
                .set("Targets", JsonNodeFactory.instance.arrayNode().add(object().put("Id", "queue")
                        .put("Arn", "arn:aws:sqs:us-east-1:123456789012:moto-check-rule"))));

        JsonNode put = MOTO.awsJson("events", "AWSEvents.PutEvents", object().set("Entries",
                JsonNodeFactory.instance.arrayNode().add(entry)));
        JsonNode delivered = MOTO.awsJson("sqs", "AmazonSQS.ReceiveMessage", object().put("QueueUrl", queueUrl)
                .put("WaitTimeSeconds", 5));

        assertThat(put.path("FailedEntryCount").asInt()).as("PutEvents: %s", put).isZero();
        assertThat(delivered.at("/Messages/0/Body").asText()).as("what the rule delivered of %s", entry).isNotEmpty();
        JsonNode event = read(delivered.at("/Messages/0/Body").asText());
        assertThat(event.path("detail-type").asText()).isEqualTo(entry.path("DetailType").asText());
        assertThat(event.at("/detail/Status").asText()).isEqualTo("ACTIVE");
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode postProcessingRulePattern() {
        return Repository.deployed("AWS::Serverless::StateMachine").stream()
                .filter(m -> m.logicalId().equals("SegmentPostProcessingStateMachine")).findFirst().orElseThrow()
                .properties().at("/Events/BatchSegmentJobActive/Properties/Pattern");
    }

    private static String schema(String secondField) {
        return """
                {"type": "record", "name": "Interactions", "namespace": "com.amazonaws.personalize.schema",
                 "fields": [{"name": "USER_ID", "type": "string"}, {"name": "%s", "type": "string"},
                  {"name": "TIMESTAMP", "type": "long"}], "version": "1.0"}""".formatted(secondField);
    }
}
