package io.contextualtargeting.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contextualtargeting.formats.InputException;
import io.contextualtargeting.local.cloudformation.CloudModel;
import io.contextualtargeting.local.statemachine.EventPublisher;
import io.contextualtargeting.local.statemachine.ExecutionStarter;
import io.contextualtargeting.local.statemachine.Json;
import io.contextualtargeting.local.statemachine.PathExpression;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.event.ruler.GenericMachine;

/**
 * The local EventBridge: the {@code default} bus plus the template's custom buses, with the
 * template's own rules matched by event-ruler (the EventBridge pattern matcher).
 *
 * <p>Delivery order, deterministic: events wait in one FIFO queue in the order they were put.
 * {@link #drain} takes the oldest event, finds its matching rules in template order (root stack
 * first, then nested stacks; within a stack SAM events and AWS::Events::Rule targets in resource
 * order) and runs each target's execution to its end before the next. Events put meanwhile (by
 * those executions, or by object writes they make) join the end of the queue, so delivery is
 * breadth first. {@code drain} returns when the queue is empty.
 */
public final class LocalEventBridge implements EventPublisher {
    private static final String ACCOUNT = "000000000000";
    private static final String REGION = "local";
    private static final int MAX_DELIVERIES_PER_DRAIN = 10_000;

    private final List<CloudModel.EventRule> rules;
    private final Map<String, GenericMachine<Integer>> machines = new LinkedHashMap<>();
    private final Set<String> eventBridgeBuckets;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final Deque<QueuedEvent> queue = new ArrayDeque<>();
    private long sequencer;

    public LocalEventBridge(List<String> customBuses, List<CloudModel.EventRule> rules, Set<String> eventBridgeBuckets,
                            Clock clock, Supplier<UUID> ids) {
        this.rules = List.copyOf(rules);
        this.eventBridgeBuckets = Set.copyOf(eventBridgeBuckets);
        this.clock = clock;
        this.ids = ids;
        machines.put("default", new GenericMachine<>());
        customBuses.forEach(bus -> machines.put(bus, new GenericMachine<>()));
        for (int i = 0; i < this.rules.size(); i++) {
            addRule(i, this.rules.get(i));
        }
    }

    /** The buses, rules and EventBridge-enabled buckets of a loaded template. */
    public static LocalEventBridge fromModel(CloudModel model, Clock clock, Supplier<UUID> ids) {
        Set<String> buckets = new HashSet<>();
        model.buckets().stream().filter(CloudModel.Bucket::eventBridgeEnabled).forEach(b -> buckets.add(b.name()));
        return new LocalEventBridge(model.buses().stream().map(CloudModel.EventBus::name).toList(), model.rules(),
                buckets, clock, ids);
    }

    private void addRule(int index, CloudModel.EventRule rule) {
        GenericMachine<Integer> machine = machines.get(rule.eventBusName());
        if (machine == null) {
            throw new InputException("rule " + rule.name() + " of stack " + rule.stack(), 0, "EventBusName",
                    "event bus '" + rule.eventBusName() + "' does not exist (buses: " + machines.keySet() + ")");
        }
        try {
            machine.addRule(index, rule.pattern());
        } catch (Exception e) {
            throw new InputException("rule " + rule.name() + " of stack " + rule.stack(), 0, "EventPattern",
                    "is not a valid EventBridge pattern: " + e.getMessage());
        }
    }

    /** Queues the entries as EventBridge events; returns their ids. An unknown bus is an error. */
    @Override
    public synchronized List<String> putEvents(List<Entry> entries) {
        List<QueuedEvent> events = new ArrayList<>();
        for (Entry entry : entries) {
            String bus = CloudModel.busName(entry.eventBusName());
            if (!machines.containsKey(bus)) {
                throw new IllegalArgumentException("event bus '" + entry.eventBusName() + "' does not exist (buses: "
                        + machines.keySet() + ")");
            }
            events.add(new QueuedEvent(bus, event(entry)));
        }
        queue.addAll(events);
        return events.stream().map(e -> e.event().get("id").asText()).toList();
    }

    /**
     * S3 wrote an object: queues the "Object Created" event when the bucket has EventBridge enabled.
     * Returns whether an event was queued.
     */
    public synchronized boolean objectCreated(String bucket, String key, long size, String etag) {
        if (!eventBridgeBuckets.contains(bucket)) {
            return false;
        }
        String requestId = ids.get().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
        String sequence = String.format("%016X", ++sequencer);
        putEvents(List.of(S3Events.objectCreated(bucket, key, size, etag, sequence, requestId, ACCOUNT)));
        return true;
    }

    /** Queues an event again exactly as it was (same id and time), as EventBridge may deliver an event twice. */
    public synchronized void redeliver(String bus, JsonNode event) {
        if (!machines.containsKey(bus)) {
            throw new IllegalArgumentException("event bus '" + bus + "' does not exist (buses: " + machines.keySet() + ")");
        }
        queue.add(new QueuedEvent(bus, event));
    }

    public synchronized int pending() {
        return queue.size();
    }

    /** Delivers queued events, and those their executions put, until none is left. */
    public List<Delivery> drain(ExecutionStarter starter) {
        List<Delivery> deliveries = new ArrayList<>();
        QueuedEvent next;
        while ((next = poll()) != null) {
            for (int index : matchingRules(next)) {
                if (deliveries.size() == MAX_DELIVERIES_PER_DRAIN) {
                    throw new IllegalStateException("more than " + MAX_DELIVERIES_PER_DRAIN + " deliveries in one "
                            + "drain: do the rules and workflows start each other in a loop?");
                }
                CloudModel.EventRule rule = rules.get(index);
                JsonNode input = targetInput(rule, next.event());
                deliveries.add(new Delivery(rule.name(), next.bus(), next.event(),
                        starter.startExecution(rule.targetArn(), null, input)));
            }
        }
        return deliveries;
    }

    private synchronized QueuedEvent poll() {
        return queue.poll();
    }

    /** Indices of the matching rules, in template order. */
    private List<Integer> matchingRules(QueuedEvent queued) {
        List<Integer> matched = new ArrayList<>(machines.get(queued.bus()).rulesForJSONEvent(queued.event()));
        matched.sort(Integer::compareTo);
        return matched;
    }

    private static JsonNode targetInput(CloudModel.EventRule rule, JsonNode event) {
        if (rule.input() != null) {
            return rule.input();
        }
        if (rule.inputPath() != null) {
            return PathExpression.compile(rule.inputPath()).read(event, null);
        }
        return event;
    }

    private ObjectNode event(Entry entry) {
        ObjectNode event = Json.object();
        event.put("version", "0");
        event.put("id", ids.get().toString());
        event.put("detail-type", entry.detailType());
        event.put("source", entry.source());
        event.put("account", ACCOUNT);
        event.put("time", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", REGION);
        ArrayNode resources = event.putArray("resources");
        entry.resources().forEach(resources::add);
        event.set("detail", entry.detail());
        return event;
    }

    private record QueuedEvent(String bus, JsonNode event) {
    }
}
