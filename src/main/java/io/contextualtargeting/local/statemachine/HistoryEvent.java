package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One event of an execution's history, named as in the Step Functions console
 * ({@code TaskStateEntered}, {@code LambdaFunctionFailed}, {@code MapIterationStarted}, ...), plus
 * {@code RetryScheduled} for a retry and its requested interval. {@code details} holds input, output,
 * error, cause and the like.
 */
public record HistoryEvent(long id, Instant timestamp, String type, String stateName, JsonNode details) {
}
