package io.contextualtargeting.local.events;

import io.contextualtargeting.local.cloudformation.CloudModel;
import io.contextualtargeting.local.statemachine.AslParser;
import io.contextualtargeting.local.statemachine.EventPublisher;
import io.contextualtargeting.local.statemachine.ExecutionRecord;
import io.contextualtargeting.local.statemachine.LocalStepFunctions;
import io.contextualtargeting.local.statemachine.StateMachine;
import io.contextualtargeting.local.statemachine.TaskServices;
import io.contextualtargeting.local.statemachine.TestCloud;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static io.contextualtargeting.local.statemachine.TestCloud.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Executions that emit events start further executions in the same drain, breadth first. */
class EventChainTest {
    @TempDir
    Path work;

    /** A machine that announces {@code step} on the bus with a putEvents task. */
    private static StateMachine announcer(String name, String source) {
        return new StateMachine(name, StateMachine.arnOf(name), AslParser.parse(name, """
                {"StartAt":"Announce","States":{"Announce":{"Type":"Task","Resource":"arn:aws:states:::events:putEvents",
                 "Parameters":{"Entries":[{"Source":"%s","DetailType":"Step","Detail":{"from.$":"$$.StateMachine.Name"},
                 "EventBusName":"chain"}]},"End":true}}}""".formatted(source)), "role");
    }

    private static CloudModel.EventRule rule(String name, String source, String target) {
        return new CloudModel.EventRule("s", name, "chain", "{\"source\":[\"" + source + "\"]}",
                StateMachine.arnOf(target), "$.detail", null);
    }

    @Test
    void eventsPutByExecutionsAreDeliveredAfterThoseAlreadyQueued() {
        TestCloud cloud = new TestCloud(work);
        AtomicLong ids = new AtomicLong();
        LocalEventBridge bus = new LocalEventBridge(List.of("chain"), List.of(
                rule("start-first", "start", "first"), rule("start-second", "start", "second"),
                rule("after-first", "first", "third")), Set.of(), cloud.time, () -> new UUID(0, ids.incrementAndGet()));
        TaskServices services = new TaskServices(cloud.services().functions(), bus, cloud.services().topics());
        LocalStepFunctions stepFunctions = new LocalStepFunctions(List.of(announcer("first", "first"),
                announcer("second", "second"), announcer("third", "third")), services, cloud.store(),
                cloud.environment(), cloud.listener());

        bus.putEvents(List.of(new EventPublisher.Entry("start", "Go", json("{}"), "chain", List.of())));
        List<Delivery> deliveries = bus.drain(stepFunctions);

        assertThat(deliveries).extracting(Delivery::ruleName).containsExactly("start-first", "start-second", "after-first");
        assertThat(deliveries.get(2).execution().input()).isEqualTo(json("{\"from\":\"first\"}"));
        assertThat(deliveries).extracting(Delivery::execution).extracting(ExecutionRecord::stateMachineName)
                .containsExactly("first", "second", "third");
        assertThat(bus.pending()).isZero();
    }
}
