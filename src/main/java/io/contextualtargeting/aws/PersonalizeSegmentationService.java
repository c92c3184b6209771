package io.contextualtargeting.aws;

import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.ports.ResourceStatus;
import io.contextualtargeting.ports.SchemaDocuments;
import io.contextualtargeting.ports.SegmentationService;
import io.contextualtargeting.ports.SolutionSettings;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.BatchSegmentJob;
import software.amazon.awssdk.services.personalize.model.EventParameters;
import software.amazon.awssdk.services.personalize.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.personalize.model.SolutionConfig;

/**
 * The segmentation service on Amazon Personalize. Every {@code ensure*} looks the resource up by
 * name with the paginated List* action of its parent and creates it only when absent; a create that
 * loses a race with another execution ({@code ResourceAlreadyExistsException}) looks it up again.
 * A resource just created is reported as {@link ResourceStatus#CREATE_PENDING}, Personalize's first status;
 * callers poll by calling again. Clean-up ({@link #datasetGroupContents}, {@link #delete}) is
 * {@link PersonalizeCleanup}'s.
 */
public final class PersonalizeSegmentationService implements SegmentationService {


    private final PersonalizeClient personalize;
    private final Optional<String> roleArn;
    private final AwsCalls calls = new AwsCalls("Amazon Personalize");
    private final PersonalizeCleanup cleanup;

    /**
     * @param roleArn the role Personalize assumes to read the data and the job input from S3 and to
     *                write the job output; only CreateDatasetImportJob and CreateBatchSegmentJob need
     *                it, so the functions that never start those may leave it empty
     */
    public PersonalizeSegmentationService(PersonalizeClient personalize, Optional<String> roleArn) {
        this.personalize = personalize;
        this.roleArn = roleArn.filter(arn -> !arn.isBlank());
        this.cleanup = new PersonalizeCleanup(personalize, calls);
    }

    @Override
    public ResourceState ensureDatasetGroup(String name, String domain) {
        return ensure("dataset group '" + name + "'",
                "ListDatasetGroups", () -> personalize.listDatasetGroupsPaginator(r -> { }).datasetGroups().stream()
                        .filter(g -> name.equals(g.name()))
                        .map(g -> new ResourceState(g.datasetGroupArn(), g.status(), g.failureReason()))
                        .findFirst(),
                "CreateDatasetGroup", () -> personalize.createDatasetGroup(r -> r.name(name).domain(blankToNull(domain)))
                        .datasetGroupArn(), ResourceStatus.CREATE_PENDING);
    }

    /** Schemas have no lifecycle: one that exists is usable at once. */
    @Override
    public ResourceState ensureSchema(String name, String avroSchemaJson, String domain) {
        ResourceState schema = ensure("schema '" + name + "'",
                "ListSchemas", () -> personalize.listSchemasPaginator(r -> { }).schemas().stream()
                        .filter(s -> name.equals(s.name()))
                        .map(s -> ResourceState.of(s.schemaArn(), ResourceStatus.ACTIVE, null))
                        .findFirst(),
                "CreateSchema", () -> personalize.createSchema(r -> r.name(name).schema(avroSchemaJson)
                        .domain(blankToNull(domain))).schemaArn(), ResourceStatus.ACTIVE);
        // found by name, or created by a concurrent execution: it may hold other fields
        String fields = calls.call("DescribeSchema", "schema '" + name + "'",
                () -> personalize.describeSchema(r -> r.schemaArn(schema.arn())).schema().schema());
        if (!SchemaDocuments.same(fields, avroSchemaJson)) {
            throw SchemaDocuments.takenByOtherFields(name);
        }
        return schema;
    }

    /**
     * A dataset group holds at most one dataset of each type, so the dataset of that type is the
     * one asked for, whatever name it was created with.
     */
    @Override
    public ResourceState ensureDataset(String datasetGroupArn, DatasetType type, String name, String schemaArn) {
        String subject = type + " dataset '" + name + "'";
        ResourceState dataset = ensure(subject,
                "ListDatasets", () -> personalize.listDatasetsPaginator(r -> r.datasetGroupArn(datasetGroupArn))
                        .datasets().stream()
                        .filter(d -> type.name().equalsIgnoreCase(d.datasetType()))
                        .map(d -> new ResourceState(d.datasetArn(), d.status(), null))
                        .findFirst(),
                "CreateDataset", () -> personalize.createDataset(r -> r.datasetGroupArn(datasetGroupArn)
                        .datasetType(type.name()).name(name).schemaArn(schemaArn)).datasetArn(), ResourceStatus.CREATE_PENDING);
        String used = calls.call("DescribeDataset", subject,
                () -> personalize.describeDataset(r -> r.datasetArn(dataset.arn())).dataset().schemaArn());
        if (!schemaArn.equals(used)) {
            throw SchemaDocuments.datasetHasOtherSchema(dataset.arn(), used, schemaArn);
        }
        return dataset;
    }

    @Override
    public ResourceState ensureDatasetImportJob(String datasetArn, String jobName, ObjectRef data) {
        return ensure("dataset import job '" + jobName + "'",
                "ListDatasetImportJobs", () -> personalize.listDatasetImportJobsPaginator(r -> r.datasetArn(datasetArn))
                        .datasetImportJobs().stream()
                        .filter(j -> jobName.equals(j.jobName()))
                        .map(j -> new ResourceState(j.datasetImportJobArn(), j.status(), j.failureReason()))
                        .findFirst(),
                "CreateDatasetImportJob", () -> personalize.createDatasetImportJob(r -> r.jobName(jobName)
                        .datasetArn(datasetArn).roleArn(role("CreateDatasetImportJob")).dataSource(s -> s.dataLocation(data.url())))
                        .datasetImportJobArn(), ResourceStatus.CREATE_PENDING);
    }

    @Override
    public ResourceState ensureSolution(String datasetGroupArn, String name, String recipeArn, SolutionSettings settings) {
        return ensure("solution '" + name + "'",
                "ListSolutions", () -> personalize.listSolutionsPaginator(r -> r.datasetGroupArn(datasetGroupArn))
                        .solutions().stream()
                        .filter(s -> name.equals(s.name()))
                        .map(s -> new ResourceState(s.solutionArn(), s.status(), null))
                        .findFirst(),
                // Auto-training (on by default) would train and bill a new version every 7 days until the
                // solution is deleted; the training workflow trains the versions it needs itself.
                "CreateSolution", () -> personalize.createSolution(r -> r.datasetGroupArn(datasetGroupArn).name(name)
                        .recipeArn(recipeArn).performHPO(false).performAutoTraining(false)
                        .solutionConfig(c -> withEvents(c.algorithmHyperParameters(settings.hyperparameters()), settings)))
                        .solutionArn(), ResourceStatus.CREATE_PENDING);
    }

    /** Adds the event settings the config sets, and only those: Personalize's defaults stay otherwise. */
    private static SolutionConfig.Builder withEvents(SolutionConfig.Builder config, SolutionSettings settings) {
        if (settings.eventValueThreshold() != null) {
            config.eventValueThreshold(BigDecimal.valueOf(settings.eventValueThreshold()).stripTrailingZeros().toPlainString());
        }
        if (!settings.eventParameters().isEmpty()) {
            config.eventsConfig(events -> events.eventParametersList(settings.eventParameters().stream()
                    .map(p -> EventParameters.builder().eventType(p.eventType()).eventValueThreshold(p.eventValueThreshold())
                            .weight(p.weight()).build())
                    .toList()));
        }
        return config;
    }

    /**
     * Solution version summaries carry no name, so each version of the solution is described until
     * one has the name; a solution has few versions.
     */
    @Override
    public ResourceState ensureSolutionVersion(String solutionArn, String name) {
        return ensure("solution version '" + name + "'",
                "ListSolutionVersions", () -> personalize.listSolutionVersionsPaginator(r -> r.solutionArn(solutionArn))
                        .solutionVersions().stream()
                        .map(v -> personalize.describeSolutionVersion(r -> r.solutionVersionArn(v.solutionVersionArn()))
                                .solutionVersion())
                        .filter(v -> name.equals(v.name()))
                        .map(v -> new ResourceState(v.solutionVersionArn(), v.status(), v.failureReason()))
                        .findFirst(),
                "CreateSolutionVersion", () -> personalize.createSolutionVersion(r -> r.solutionArn(solutionArn)
                        .name(name).trainingMode("FULL")).solutionVersionArn(), ResourceStatus.CREATE_PENDING);
    }

    @Override
    public Map<String, Double> solutionVersionMetrics(String solutionVersionArn) {
        return calls.call("GetSolutionMetrics", "solution version " + solutionVersionArn,
                () -> Map.copyOf(personalize.getSolutionMetrics(r -> r.solutionVersionArn(solutionVersionArn)).metrics()));
    }

    @Override
    public ResourceState ensureBatchSegmentJob(BatchSegmentJobRequest request) {
        String jobName = request.jobName();
        return ensure("batch segment job '" + jobName + "'",
                "ListBatchSegmentJobs", () -> personalize.listBatchSegmentJobsPaginator(
                                r -> r.solutionVersionArn(request.solutionVersionArn()))
                        .batchSegmentJobs().stream()
                        .filter(j -> jobName.equals(j.jobName()))
                        .map(j -> new ResourceState(j.batchSegmentJobArn(), j.status(), j.failureReason()))
                        .findFirst(),
                "CreateBatchSegmentJob", () -> personalize.createBatchSegmentJob(r -> r.jobName(jobName)
                        .solutionVersionArn(request.solutionVersionArn())
                        .roleArn(role("CreateBatchSegmentJob"))
                        .numResults(request.numResults() > 0 ? request.numResults() : null)
                        .filterArn(blankToNull(request.filterArn()))
                        .jobInput(i -> i.s3DataSource(s -> s.path(request.input().url())))
                        .jobOutput(o -> o.s3DataDestination(s -> s.path(request.outputPrefix().url()))))
                        .batchSegmentJobArn(), ResourceStatus.CREATE_PENDING);
    }

    @Override
    public BatchSegmentJobDescription describeBatchSegmentJob(String batchSegmentJobArn) {
        BatchSegmentJob job = calls.call("DescribeBatchSegmentJob", "batch segment job " + batchSegmentJobArn,
                () -> personalize.describeBatchSegmentJob(r -> r.batchSegmentJobArn(batchSegmentJobArn)).batchSegmentJob());
        return new BatchSegmentJobDescription(job.batchSegmentJobArn(), job.jobName(), job.status(), job.failureReason(),
                job.solutionVersionArn(), ObjectRef.parse(job.jobInput().s3DataSource().path()),
                ObjectRef.parse(job.jobOutput().s3DataDestination().path()),
                job.numResults() == null ? 0 : job.numResults());
    }

    @Override
    public DatasetGroupContents datasetGroupContents(String datasetGroupName) {
        return cleanup.datasetGroupContents(datasetGroupName);
    }

    @Override
    public DeletionState delete(ResourceKind kind, String arn) {
        return cleanup.delete(kind, arn);
    }

    /** @param createdStatus the status of a resource this call has just created */
    private ResourceState ensure(String subject, String listAction, Supplier<Optional<ResourceState>> find,
                                 String createAction, Supplier<String> create, ResourceStatus createdStatus) {
        Optional<ResourceState> existing = calls.call(listAction, subject, find);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return ResourceState.of(calls.call(createAction, subject, create), createdStatus, null);
        } catch (AwsRequestRejectedException e) {
            if (!(e.getCause() instanceof ResourceAlreadyExistsException)) {
                throw e;
            }
            // Another execution created it between our look-up and our create.
            return calls.call(listAction, subject, find).orElseThrow(() -> e);
        }
    }

    private String role(String action) {
        return roleArn.orElseThrow(() -> new IllegalStateException("Amazon Personalize " + action + " needs the role"
                + " Personalize assumes to use S3: set PERSONALIZE_ROLE_ARN in this function's environment"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
