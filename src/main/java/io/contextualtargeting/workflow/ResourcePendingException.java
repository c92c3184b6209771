package io.contextualtargeting.workflow;

/**
 * A resource the step depends on is not ready yet. The state machines retry this error by name,
 * with bounded backoff: it is how the workflows poll Personalize and Pinpoint.
 */
public class ResourcePendingException extends RuntimeException {
    public ResourcePendingException(String message) {
        super(message);
    }
}
