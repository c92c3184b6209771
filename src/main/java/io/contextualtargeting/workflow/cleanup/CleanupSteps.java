package io.contextualtargeting.workflow.cleanup;

import io.contextualtargeting.ports.SegmentationService;
import io.contextualtargeting.ports.SegmentationService.DatasetGroupContents;
import io.contextualtargeting.ports.SegmentationService.DeletionState;
import io.contextualtargeting.ports.SegmentationService.ResourceKind;
import io.contextualtargeting.workflow.ResourcePendingException;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps of the clean-up workflow: find what a dataset group holds, then delete it in the order
 * Personalize requires (solutions, filters and event trackers; then datasets; then their schemas
 * and the dataset group). The deletion step is idempotent: each call moves every deletion of the
 * current stage one step and throws ResourcePendingException while any remains, so the state
 * machine polls it by retrying, as it polls creations.
 */
public final class CleanupSteps {
    private final SegmentationService personalize;

    public CleanupSteps(SegmentationService personalize) {
        this.personalize = personalize;
    }

    /** Lists the resources before any is deleted: a dataset's schema cannot be found once the dataset is gone. */
    public DatasetGroupContents findResources(CleanupRequest request) {
        return personalize.datasetGroupContents(request.validDatasetGroup());
    }

    public CleanupReport deleteResources(DatasetGroupContents group) {
        if (group.arn() == null) {
            return new CleanupReport(group.name(), null, List.of(), List.of());
        }
        List<Target> served = new ArrayList<>(targets(ResourceKind.SOLUTION, group.solutionArns()));
        served.addAll(targets(ResourceKind.FILTER, group.filterArns()));
        served.addAll(targets(ResourceKind.EVENT_TRACKER, group.eventTrackerArns()));
        awaitDeleted(group, served);
        awaitDeleted(group, targets(ResourceKind.DATASET, group.datasetArns()));
        List<String> keptSchemas = deleteSchemas(group.schemaArns());
        awaitDeleted(group, targets(ResourceKind.DATASET_GROUP, List.of(group.arn())));

        List<String> deleted = new ArrayList<>(served.stream().map(Target::arn).toList());
        deleted.addAll(group.datasetArns());
        group.schemaArns().stream().filter(s -> !keptSchemas.contains(s)).forEach(deleted::add);
        deleted.add(group.arn());
        return new CleanupReport(group.name(), group.arn(), deleted, keptSchemas);
    }

    /** Moves each deletion one step; pending while any resource remains. */
    private void awaitDeleted(DatasetGroupContents group, List<Target> targets) {
        List<String> remaining = new ArrayList<>();
        for (Target target : targets) {
            DeletionState state = personalize.delete(target.kind(), target.arn());
            if (!state.isDeleted()) {
                remaining.add(target.kind().noun() + " " + target.arn() + " is " + state.status()
                        + (state.waitingFor() == null ? "" : ", waiting for " + state.waitingFor()));
            }
        }
        if (!remaining.isEmpty()) {
            throw new ResourcePendingException("clean-up of dataset group " + group.name() + " waits for "
                    + remaining.size() + (remaining.size() == 1 ? " deletion: " : " deletions: ") + String.join("; ", remaining));
        }
    }

    /**
     * Deletes the schemas at once (they have no lifecycle); returns those kept because a dataset of
     * another dataset group uses them.
     */
    private List<String> deleteSchemas(List<String> schemaArns) {
        return schemaArns.stream().filter(arn -> !personalize.delete(ResourceKind.SCHEMA, arn).isDeleted()).toList();
    }

    private static List<Target> targets(ResourceKind kind, List<String> arns) {
        return arns.stream().map(arn -> new Target(kind, arn)).toList();
    }

    private record Target(ResourceKind kind, String arn) {
    }
}
