package io.contextualtargeting.local.personalize;

import static io.contextualtargeting.ports.ResourceStatus.ACTIVE;
import static io.contextualtargeting.ports.ResourceStatus.CREATE_FAILED;
import static io.contextualtargeting.ports.ResourceStatus.CREATE_IN_PROGRESS;
import static io.contextualtargeting.ports.ResourceStatus.CREATE_PENDING;
import static io.contextualtargeting.ports.ResourceStatus.CREATE_STOPPED;
import static io.contextualtargeting.ports.ResourceStatus.CREATE_STOPPING;
import static io.contextualtargeting.ports.ResourceStatus.DELETE_IN_PROGRESS;
import static io.contextualtargeting.ports.ResourceStatus.DELETE_PENDING;

import io.contextualtargeting.formats.InputException;
import io.contextualtargeting.ports.ObjectNotFoundException;
import io.contextualtargeting.ports.ResourceStatus;
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
    private final String arn;
    private final String parentArn;
    private final Runnable work;
    private ResourceStatus status = CREATE_PENDING;
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
        resource.status = ACTIVE;
        return resource;
    }

    String arn() {
        return arn;
    }

    String parentArn() {
        return parentArn;
    }

    ResourceStatus status() {
        return status;
    }

    boolean isActive() {
        return status == ACTIVE;
    }

    /** Still being created: Personalize neither uses nor deletes it yet. */
    boolean isCreating() {
        return status.isCreating();
    }

    boolean isStopping() {
        return status == CREATE_STOPPING;
    }

    boolean isDeleting() {
        return status.isDeleting();
    }

    /** @param held the resource's work never ends: it stays CREATE IN_PROGRESS */
    ResourceState advance(boolean held) {
        if (status == CREATE_PENDING) {
            status = CREATE_IN_PROGRESS;
        } else if (status == CREATE_IN_PROGRESS && !held) {
            try {
                work.run();
                status = ACTIVE;
            } catch (InputException | ObjectNotFoundException | UncheckedIOException | IllegalStateException e) {
                status = CREATE_FAILED;
                failureReason = e.getMessage();
            }
        } else if (status == CREATE_STOPPING) {
            status = CREATE_STOPPED;
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
        if (status == DELETE_PENDING) {
            status = DELETE_IN_PROGRESS;
            return false;
        }
        return status == DELETE_IN_PROGRESS;
    }

    ResourceState state() {
        return ResourceState.of(arn, status, failureReason);
    }
}
