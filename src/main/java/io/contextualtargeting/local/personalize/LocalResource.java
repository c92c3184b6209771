package io.contextualtargeting.local.personalize;

import io.contextualtargeting.engine.InputException;
import io.contextualtargeting.ports.ObjectNotFoundException;
import io.contextualtargeting.ports.SegmentationService.ResourceState;
import java.io.UncheckedIOException;

/**
 * A Personalize resource in the local stand-in, with Personalize's lifecycle: each describe moves
 * it one step, CREATE PENDING, CREATE IN_PROGRESS, then ACTIVE once its work is done (or CREATE
 * FAILED with the reason). Workflows thus poll locally exactly as they poll on AWS.
 */
final class LocalResource {
    private final String arn;
    private final Runnable work;
    private String status = "CREATE PENDING";
    private String failureReason;

    LocalResource(String arn, Runnable work) {
        this.arn = arn;
        this.work = work;
    }

    /** A resource that exists whole from the start (Personalize schemas have no status). */
    static LocalResource active(String arn) {
        LocalResource resource = new LocalResource(arn, () -> { });
        resource.status = "ACTIVE";
        return resource;
    }

    String arn() {
        return arn;
    }

    boolean isActive() {
        return "ACTIVE".equals(status);
    }

    /** @param held the resource's work never ends: it stays CREATE IN_PROGRESS */
    ResourceState advance(boolean held) {
        if ("CREATE PENDING".equals(status)) {
            status = "CREATE IN_PROGRESS";
        } else if ("CREATE IN_PROGRESS".equals(status) && !held) {
            try {
                work.run();
                status = "ACTIVE";
            } catch (InputException | ObjectNotFoundException | UncheckedIOException | IllegalStateException e) {
                status = "CREATE FAILED";
                failureReason = e.getMessage();
            }
        }
        return state();
    }

    ResourceState state() {
        return new ResourceState(arn, status, failureReason);
    }
}
