package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** Where the {@code events:putEvents} integration sends entries: the local event bus. */
@FunctionalInterface
public interface EventPublisher {

    /** Puts the entries; returns one event id per entry, in order. */
    List<String> putEvents(List<Entry> entries);

    /**
     * One PutEvents entry. {@code eventBusName} is a name or an ARN, null for the default bus;
     * {@code detail} is the JSON object (the integration serialises it on AWS).
     */
    record Entry(String source, String detailType, JsonNode detail, String eventBusName, List<String> resources) {
    }
}
