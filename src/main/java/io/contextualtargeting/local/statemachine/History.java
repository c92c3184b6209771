package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The events of one running execution, numbered from 1 and stamped with the injected clock. */
final class History {
    private final Clock clock;
    private final List<HistoryEvent> events = new ArrayList<>();

    History(Clock clock) {
        this.clock = clock;
    }

    synchronized void add(String type, String stateName, ObjectNode details) {
        events.add(new HistoryEvent(events.size() + 1L, clock.instant().truncatedTo(ChronoUnit.MILLIS), type, stateName, details));
    }

    void add(String type, String stateName, String key, JsonNode value) {
        ObjectNode details = Json.object();
        details.set(key, value);
        add(type, stateName, details);
    }

    void addError(String type, String stateName, StatesError error) {
        ObjectNode details = Json.object();
        details.put("error", error.error());
        details.put("cause", error.cause());
        add(type, stateName, details);
    }

    synchronized List<HistoryEvent> snapshot() {
        return List.copyOf(events);
    }
}
