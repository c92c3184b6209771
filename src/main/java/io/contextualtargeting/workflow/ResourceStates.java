package io.contextualtargeting.workflow;

import io.contextualtargeting.ports.SegmentationService.ResourceState;

/** Turns a resource's state into the step's outcome: done, still pending (retried), or failed. */
public final class ResourceStates {
    private ResourceStates() {
    }

    /** Returns the state when ACTIVE; otherwise throws the error the state machine routes on. */
    public static ResourceState requireActive(ResourceState state, String what) {
        if (state.isActive()) {
            return state;
        }
        if (state.isFailed()) {
            String reason = state.failureReason() == null ? "no reason given" : state.failureReason();
            throw new ResourceFailedException(what + " " + state.arn() + " is " + state.status() + ": " + reason);
        }
        throw new ResourcePendingException(what + " " + state.arn() + " is still " + state.status());
    }
}
