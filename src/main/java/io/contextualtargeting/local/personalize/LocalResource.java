package io.contextualtargeting.local.personalize;

import io.contextualtargeting.formats.InputException;
import io.contextualtargeting.ports.ObjectNotFoundException;
import io.contextualtargeting.ports.SegmentationService.ResourceState;
import java.io.UncheckedIOException;

/**
 * A Personalize resource in the local stand-in, with Personalize's lifecycle: each describe moves
 * it one step, CREATE PENDING, CREATE IN_PROGRESS, then ACTIVE once its work is done (or CREATE
 * FAILED with the reason). Workflows thus poll locally exactly as they poll on AWS. A creation can
 * be stopped (CREATE STOPPING, then CREATE STOPPED) and a resource deleted (DELETE PENDING, DELETE
 * IN_PROGRESS, then gone), one step per poll as well.
 */
final class LocalResource {
    private static final String CREATE_PENDING = "CREATE PENDING";
    private static final String CREATE_IN_PROGRESS = "CREATE IN_PROGRESS";
    private static final String CREATE_STOPPING = "CREATE STOPPING";
    private static final String DELETE_PENDING = "DELETE PENDING";
    private static final String DELETE_IN_PROGRESS = "DELETE IN_PROGRESS";

    private final String arn;
    private final String parentArn;
    private final Runnable work;
    private String status = CREATE_PENDING;
    private String failureReason;

    /** @param parentArn the resource it belongs to (the dataset group of a dataset, the solution of a version), or null */
    LocalResource(String arn, String parentArn, Runnable work) {
        this.arn = arn;
        this.parentArn = parentArn;
        this.work = work;
    }

    /** A resource that exists whole from the start (Personalize schemas have no status). */
    static LocalResource active(String arn) {
        LocalResource resource = new LocalResource(arn, null, () -> { });
        resource.status = "ACTIVE";
        return resource;
    }

    String arn() {
        return arn;
    }

    String parentArn() {
        return parentArn;
    }

    String status() {
        return status;
    }

    boolean isActive() {
        return "ACTIVE".equals(status);
    }

    /** Still being created: Personalize neither uses nor deletes it yet. */
    boolean isCreating() {
        return CREATE_PENDING.equals(status) || CREATE_IN_PROGRESS.equals(status);
    }

    boolean isStopping() {
        return CREATE_STOPPING.equals(status);
    }

    boolean isDeleting() {
        return DELETE_PENDING.equals(status) || DELETE_IN_PROGRESS.equals(status);
    }

    /** @param held the resource's work never ends: it stays CREATE IN_PROGRESS */
    ResourceState advance(boolean held) {
        if (CREATE_PENDING.equals(status)) {
            status = CREATE_IN_PROGRESS;
        } else if (CREATE_IN_PROGRESS.equals(status) && !held) {
            try {
                work.run();
                status = "ACTIVE";
            } catch (InputException | ObjectNotFoundException | UncheckedIOException | IllegalStateException e) {
                status = "CREATE FAILED";
                failureReason = e.getMessage();
            }
        } else if (CREATE_STOPPING.equals(status)) {
            status = "CREATE STOPPED";
        }
        return state();
    }

    /** Stops a creation under way; its work never runs. */
    void stop() {
        if (isCreating()) {
            status = CREATE_STOPPING;
        }
    }

    void startDeletion() {
        status = DELETE_PENDING;
    }

    /** Moves a deletion one step; true once the resource is gone. */
    boolean advanceDeletion() {
        if (DELETE_PENDING.equals(status)) {
            status = DELETE_IN_PROGRESS;
            return false;
        }
        return DELETE_IN_PROGRESS.equals(status);
    }

    ResourceState state() {
        return new ResourceState(arn, status, failureReason);
    }
}
