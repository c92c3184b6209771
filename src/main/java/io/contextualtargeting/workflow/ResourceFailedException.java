package io.contextualtargeting.workflow;

/** A resource reached a failed state (Personalize CREATE FAILED, Pinpoint import FAILED); not retried. */
public class ResourceFailedException extends RuntimeException {
    public ResourceFailedException(String message) {
        super(message);
    }
}
