package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** An execution as the console shows it: identity, status, input, output or error, times and history. */
public record ExecutionRecord(String executionArn, String name, String stateMachineArn, String stateMachineName,
                              ExecutionStatus status, JsonNode input, JsonNode output, String error, String cause,
                              Instant startDate, Instant stopDate, List<HistoryEvent> events) {

    /** How long it ran; for a running execution, until {@code now}. */
    public Duration duration(Instant now) {
        return Duration.between(startDate, stopDate == null ? now : stopDate);
    }
}
