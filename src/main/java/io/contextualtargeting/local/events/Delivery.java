package io.contextualtargeting.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.local.statemachine.ExecutionRecord;

/** One event delivered by one rule to its target: the execution it started, ended. */
public record Delivery(String ruleName, String eventBusName, JsonNode event, ExecutionRecord execution) {
}
