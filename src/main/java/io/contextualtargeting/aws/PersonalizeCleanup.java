package io.contextualtargeting.aws;

import io.contextualtargeting.ports.ResourceStatus;
import io.contextualtargeting.ports.SegmentationService.DatasetGroupContents;
import io.contextualtargeting.ports.SegmentationService.DeletionState;
import io.contextualtargeting.ports.SegmentationService.ResourceKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.DatasetGroupSummary;
import software.amazon.awssdk.services.personalize.model.DatasetSummary;
import software.amazon.awssdk.services.personalize.model.EventTrackerSummary;
import software.amazon.awssdk.services.personalize.model.FilterSummary;
import software.amazon.awssdk.services.personalize.model.SolutionSummary;
import software.amazon.awssdk.services.personalize.model.SolutionVersionSummary;

/**
 * Clean-up on Amazon Personalize: finds what a dataset group holds with the paginated List* actions
 * of the group, and deletes one resource per call, its Describe* action telling how far the
 * deletion is. {@code ResourceNotFoundException} means the resource is gone;
 * {@code ResourceInUseException} means it cannot be deleted yet.
 */
final class PersonalizeCleanup {

    private final PersonalizeClient personalize;
    private final AwsCalls calls;

    PersonalizeCleanup(PersonalizeClient personalize, AwsCalls calls) {
        this.personalize = personalize;
        this.calls = calls;
    }

    DatasetGroupContents datasetGroupContents(String name) {
        String subject = "dataset group '" + name + "'";
        Optional<String> found = calls.call("ListDatasetGroups", subject, () -> personalize.listDatasetGroupsPaginator(r -> { })
                .datasetGroups().stream().filter(g -> name.equals(g.name())).map(DatasetGroupSummary::datasetGroupArn).findFirst());
        if (found.isEmpty()) {
            return DatasetGroupContents.none(name);
        }
        String group = found.get();
        List<String> datasets = calls.call("ListDatasets", subject, () -> personalize.listDatasetsPaginator(
                r -> r.datasetGroupArn(group)).datasets().stream().map(DatasetSummary::datasetArn).toList());
        return new DatasetGroupContents(name, group,
                calls.call("ListSolutions", subject, () -> personalize.listSolutionsPaginator(r -> r.datasetGroupArn(group))
                        .solutions().stream().map(SolutionSummary::solutionArn).toList()),
                calls.call("ListFilters", subject, () -> personalize.listFiltersPaginator(r -> r.datasetGroupArn(group))
                        .filters().stream().map(FilterSummary::filterArn).toList()),
                calls.call("ListEventTrackers", subject, () -> personalize.listEventTrackersPaginator(r -> r.datasetGroupArn(group))
                        .eventTrackers().stream().map(EventTrackerSummary::eventTrackerArn).toList()),
                datasets, schemasOf(datasets));
    }

    DeletionState delete(ResourceKind kind, String arn) {
        if (kind == ResourceKind.SCHEMA) {
            // Schemas have no status: DeleteSchema deletes at once, or refuses while a dataset uses the schema.
            return requestDeletion(kind, arn, ResourceStatus.ACTIVE.wire());
        }
        Optional<String> status = describe(kind, arn);
        if (status.isEmpty()) {
            return DeletionState.deleted(arn);
        }
        String current = status.get();
        ResourceStatus lifecycle = ResourceStatus.of(current);
        if (lifecycle.isDeleting()) {
            return new DeletionState(arn, current, null);
        }
        if (lifecycle.isCreating()) {
            return new DeletionState(arn, current, "its creation to end");
        }
        if (kind == ResourceKind.SOLUTION) {
            Optional<String> training = stopTraining(arn);
            if (training.isPresent()) {
                return new DeletionState(arn, current, training.get());
            }
        }
        return requestDeletion(kind, arn, current);
    }

    /** The schemas of the datasets, each once; a dataset deleted meanwhile has none to give. */
    private List<String> schemasOf(List<String> datasetArns) {
        return datasetArns.stream()
                .map(arn -> orNotFound(() -> personalize.describeDataset(r -> r.datasetArn(arn)).dataset().schemaArn(),
                        "DescribeDataset", "dataset " + arn))
                .flatMap(Optional::stream).distinct().toList();
    }

    /** The resource's status, or empty when it no longer exists. */
    private Optional<String> describe(ResourceKind kind, String arn) {
        Supplier<String> status = switch (kind) {
            case SOLUTION -> () -> personalize.describeSolution(r -> r.solutionArn(arn)).solution().status();
            case FILTER -> () -> personalize.describeFilter(r -> r.filterArn(arn)).filter().status();
            case EVENT_TRACKER -> () -> personalize.describeEventTracker(r -> r.eventTrackerArn(arn)).eventTracker().status();
            case DATASET -> () -> personalize.describeDataset(r -> r.datasetArn(arn)).dataset().status();
            case DATASET_GROUP -> () -> personalize.describeDatasetGroup(r -> r.datasetGroupArn(arn)).datasetGroup().status();
            case SCHEMA -> throw new IllegalArgumentException("schemas have no status");
        };
        return orNotFound(status, "Describe" + action(kind), kind.noun() + " " + arn);
    }

    /** Asks Personalize to delete the resource: pending once asked, deleted when already gone. */
    private DeletionState requestDeletion(ResourceKind kind, String arn, String status) {
        Runnable delete = switch (kind) {
            case SOLUTION -> () -> personalize.deleteSolution(r -> r.solutionArn(arn));
            case FILTER -> () -> personalize.deleteFilter(r -> r.filterArn(arn));
            case EVENT_TRACKER -> () -> personalize.deleteEventTracker(r -> r.eventTrackerArn(arn));
            case DATASET -> () -> personalize.deleteDataset(r -> r.datasetArn(arn));
            case SCHEMA -> () -> personalize.deleteSchema(r -> r.schemaArn(arn));
            case DATASET_GROUP -> () -> personalize.deleteDatasetGroup(r -> r.datasetGroupArn(arn));
        };
        try {
            calls.call("Delete" + action(kind), kind.noun() + " " + arn, () -> {
                delete.run();
                return null;
            });
            return kind == ResourceKind.SCHEMA ? DeletionState.deleted(arn) : DeletionState.of(arn, ResourceStatus.DELETE_PENDING, null);
        } catch (AwsRequestRejectedException e) {
            if (e.errorKind() == AwsErrorCode.RESOURCE_NOT_FOUND) {
                return DeletionState.deleted(arn);
            }
            if (e.errorKind() == AwsErrorCode.RESOURCE_IN_USE) {
                return new DeletionState(arn, status, "what still uses it (" + awsReason(e) + ")");
            }
            throw e;
        }
    }

    /**
     * Stops the versions of the solution still training (Personalize refuses to delete a solution
     * while one is); describes what the deletion waits for, or empty when nothing trains any more.
     */
    private Optional<String> stopTraining(String solutionArn) {
        List<SolutionVersionSummary> versions = calls.call("ListSolutionVersions", "solution " + solutionArn,
                () -> personalize.listSolutionVersionsPaginator(r -> r.solutionArn(solutionArn)).solutionVersions().stream().toList());
        List<String> training = versions.stream().filter(v -> isCreating(v) || ResourceStatus.of(v.status()) == ResourceStatus.CREATE_STOPPING)
                .map(SolutionVersionSummary::solutionVersionArn).toList();
        versions.stream().filter(PersonalizeCleanup::isCreating).forEach(v -> orNotFound(() -> {
            personalize.stopSolutionVersionCreation(r -> r.solutionVersionArn(v.solutionVersionArn()));
            return v;
        }, "StopSolutionVersionCreation", "solution version " + v.solutionVersionArn()));
        return training.isEmpty() ? Optional.empty() : Optional.of("training to stop: solution versions " + String.join(", ", training));
    }

    private static boolean isCreating(SolutionVersionSummary version) {
        return ResourceStatus.of(version.status()).isCreating();
    }

    private <T> Optional<T> orNotFound(Supplier<T> call, String action, String subject) {
        try {
            return Optional.ofNullable(calls.call(action, subject, call));
        } catch (AwsRequestRejectedException e) {
            if (e.errorKind() == AwsErrorCode.RESOURCE_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The API name of the kind, as in DescribeEventTracker and DeleteDatasetGroup. */
    private static String action(ResourceKind kind) {
        StringBuilder name = new StringBuilder();
        for (String word : kind.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    private static String awsReason(AwsRequestRejectedException e) {
        if (e.getCause() instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorMessage() != null) {
            return aws.awsErrorDetails().errorMessage();
        }
        return e.getMessage();
    }
}
