package io.contextualtargeting.workflow.notify;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a workflow asks to be told: which workflow, how it ended, its execution, the state it ended
 * with ({@code details}) and, on failure, the caught error.
 */
public record NotificationRequest(String workflow, String outcome, String execution, JsonNode details, ErrorInfo error) {
    public boolean succeeded() {
        return "SUCCEEDED".equals(outcome);
    }
}
