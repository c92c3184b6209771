package io.contextualtargeting.workflow;

import io.contextualtargeting.ports.SegmentationService.ResourceState;

/** Turns a resource's state into the step's outcome: done, still pending (retried), or failed. */
public final class ResourceStates {
    /** Jobs and solution versions get new names per run; the resources named by the config do not. */
    private static final String RETRY_HINT = ". Fix the cause and upload the config again; a failed dataset group, dataset or"
            + " solution keeps its name, so delete it first with the clean-up workflow (docs/cleanup.md) or give it"
            + " another name in the config";

    private ResourceStates() {
    }

    /** Returns the state when ACTIVE; otherwise throws the error the state machine routes on. */
    public static ResourceState requireActive(ResourceState state, String what) {
        if (state.isActive()) {
            return state;
        }
        if (state.isFailed()) {
            String reason = state.failureReason() == null ? "no reason given" : state.failureReason();
            throw new ResourceFailedException(what + " " + state.arn() + " is " + state.status() + ": " + reason + RETRY_HINT);
        }
        throw new ResourcePendingException(what + " " + state.arn() + " is still " + state.status());
    }
}
