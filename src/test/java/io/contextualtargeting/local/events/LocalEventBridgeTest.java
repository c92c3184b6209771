package io.contextualtargeting.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.local.cloudformation.CloudModel;
import io.contextualtargeting.local.cloudformation.TemplateLoader;
import io.contextualtargeting.local.cloudformation.TemplateSource;
import io.contextualtargeting.local.statemachine.EventPublisher;
import io.contextualtargeting.local.statemachine.ExecutionStatus;
import io.contextualtargeting.local.statemachine.LocalStepFunctions;
import io.contextualtargeting.local.statemachine.TestCloud;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.contextualtargeting.local.statemachine.TestCloud.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Routing with the fixture template's own rules, buses and buckets, and its real state machines. */
class LocalEventBridgeTest {
    private static final String DATA_BUCKET = "ct-data-000000000000";

    @TempDir
    Path work;
    private TestCloud cloud;
    private LocalEventBridge bus;
    private LocalStepFunctions stepFunctions;
    private final List<JsonNode> importInputs = new ArrayList<>();
    private long nextId;

    @BeforeEach
    void deployFixture() {
        CloudModel model = new TemplateLoader(TemplateSource.classpath("local/cloudformation/"))
                .load("template.yaml", "ct", Map.of());
        cloud = new TestCloud(work)
                .function("ct-import", payload -> {
                    importInputs.add(payload);
                    return json("{\"imported\":true}");
                })
                .function("ct-Training-TrainFunction", payload -> payload);
        bus = LocalEventBridge.fromModel(model, cloud.time, () -> new UUID(9, ++nextId));
        stepFunctions = new LocalStepFunctions(model.stateMachines().stream()
                .map(CloudModel.StateMachineResource::toStateMachine).toList(), cloud.services(), cloud.store(),
                cloud.environment(), cloud.listener());
    }

    @Test
    void objectCreatedUnderThePrefixStartsTheImportWithTheEventDetail() {
        assertThat(bus.objectCreated(DATA_BUCKET, "pinpoint/ITEMS genres Action.csv", 42, "etag-1")).isTrue();
        List<Delivery> deliveries = bus.drain(stepFunctions);
        assertThat(deliveries).singleElement().satisfies(d -> {
            assertThat(d.ruleName()).isEqualTo("ct-ImportStateMachineUploaded");
            assertThat(d.execution().stateMachineName()).isEqualTo("ct-import");
            assertThat(d.execution().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        });
        JsonNode detail = importInputs.get(0);
        assertThat(detail.at("/bucket/name").asText()).isEqualTo(DATA_BUCKET);
        assertThat(detail.at("/object/key").asText()).isEqualTo("pinpoint/ITEMS genres Action.csv");
        assertThat(detail.at("/object/size").asLong()).isEqualTo(42);
        assertThat(detail.at("/reason").asText()).isEqualTo("PutObject");
    }

    @Test
    void objectCreatedEventHasTheEnvelopeS3Sends() {
        bus.objectCreated(DATA_BUCKET, "train/bingewatch/config.json", 10, "etag-2");
        JsonNode event = bus.drain(stepFunctions).get(0).event();
        assertThat(event.get("version").asText()).isEqualTo("0");
        assertThat(event.get("source").asText()).isEqualTo("aws.s3");
        assertThat(event.get("detail-type").asText()).isEqualTo("Object Created");
        assertThat(event.get("account").asText()).isEqualTo("000000000000");
        assertThat(event.get("region").asText()).isEqualTo("local");
        assertThat(event.get("time").asText()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(event.get("resources")).isEqualTo(json("[\"arn:aws:s3:::" + DATA_BUCKET + "\"]"));
        assertThat(event.at("/detail/object/sequencer").asText()).isEqualTo("0000000000000001");
    }

    @Test
    void constantInputReplacesTheEventForItsTarget() {
        bus.objectCreated(DATA_BUCKET, "train/bingewatch/config.json", 10, "etag");
        List<Delivery> deliveries = bus.drain(stepFunctions);
        assertThat(deliveries).singleElement().satisfies(d -> {
            assertThat(d.ruleName()).isEqualTo("ct-Training-ConfigUploadedRule");
            assertThat(d.execution().input()).isEqualTo(json("{\"fixed\":true}"));
        });
    }

    @Test
    void objectsThatMatchNoPatternOrBucketsWithoutEventBridgeStartNothing() {
        assertThat(bus.objectCreated("ct-scratchbucket", "pinpoint/x.csv", 1, "e")).isFalse();
        assertThat(bus.objectCreated(DATA_BUCKET, "elsewhere/x.csv", 1, "e")).isTrue();
        assertThat(bus.drain(stepFunctions)).isEmpty();
        assertThat(bus.pending()).isZero();
    }

    @Test
    void customBusRuleMatchesOnlyEventsPutOnThatBus() {
        EventPublisher.Entry active = new EventPublisher.Entry("solutions.aws.personalize",
                "Personalize Batch Segment Job State Change", json("{\"Arn\":\"job\",\"Status\":\"ACTIVE\"}"),
                "arn:aws:events:local:000000000000:event-bus/ct-bus", List.of());
        EventPublisher.Entry onDefault = new EventPublisher.Entry(active.source(), active.detailType(),
                active.detail(), null, List.of());
        EventPublisher.Entry creating = new EventPublisher.Entry(active.source(), active.detailType(),
                json("{\"Arn\":\"job\",\"Status\":\"CREATING\"}"), "ct-bus", List.of());
        bus.putEvents(List.of(onDefault, creating, active));
        List<Delivery> deliveries = bus.drain(stepFunctions);
        assertThat(deliveries).singleElement().satisfies(d -> {
            assertThat(d.ruleName()).isEqualTo("job-active");
            assertThat(d.eventBusName()).isEqualTo("ct-bus");
            assertThat(d.execution().input()).isEqualTo(json("{\"Arn\":\"job\",\"Status\":\"ACTIVE\"}"));
            assertThat(d.execution().output().asText()).isEqualTo("ct done");
        });
    }

    @Test
    void putEventsOnAnUnknownBusFails() {
        assertThatThrownBy(() -> bus.putEvents(List.of(new EventPublisher.Entry("s", "t", json("{}"), "nope",
                List.of())))).hasMessageContaining("event bus 'nope' does not exist");
    }
}
