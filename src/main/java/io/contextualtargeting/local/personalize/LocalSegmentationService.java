package io.contextualtargeting.local.personalize;

import io.contextualtargeting.embedded.EngineJobs;
import io.contextualtargeting.embedded.EngineTraining;
import io.contextualtargeting.engine.eval.SolutionMetrics;
import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.engine.segment.ExplicitSettings;
import io.contextualtargeting.engine.segment.SegmentModel;
import io.contextualtargeting.engine.segment.SegmentModelTrainer;
import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.formats.data.SchemaReader;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.query.QueryKind;
import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.ports.ObjectStore;
import io.contextualtargeting.ports.SchemaDocuments;
import io.contextualtargeting.ports.SegmentationService;
import io.contextualtargeting.ports.SolutionSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The local stand-in for Amazon Personalize: the same resources, names, ARNs and lifecycle, with
 * the embedded engine doing the work. An import job reads its whole file (a bad row fails the job
 * with the row's file, line and field), a solution version trains the engine on the group's
 * imported datasets and reports metrics measured on a time-based hold-out of them
 * ({@link SolutionMetrics}), and a batch segment job writes {@code <input file name>.out} under its
 * output path, as Personalize does. Two solution versions of one dataset group trained on the same
 * imports with the same parameters share one model and one measurement: training is deterministic,
 * so the second training would give the same factors (it halves the local pipeline, whose two
 * recipes train alike).
 * Names are taken per account as in Personalize: a solution or a job
 * whose name another dataset group, dataset or solution version holds is refused
 * (ResourceAlreadyExistsException), and so is a schema name given to other fields.
 *
 * <p>Deletion follows Personalize's rules: a dataset waits for its running import jobs and for the
 * group's solution versions in training, a schema for the datasets that use it, a dataset group
 * for everything it holds; a solution's versions still training are stopped first. Locally a
 * resource advances only when polled, so a job whose workflow no longer polls it stays in progress
 * and blocks the deletions that wait for it, as a job that outlasts the clean-up's bound does on AWS.
 */
public final class LocalSegmentationService implements SegmentationService {
    private static final String ARN = "arn:aws:personalize:local:000000000000:";

    private final ObjectStore store;
    private final Clock clock;
    private final TrainingParameters parameters;
    private final Map<String, LocalResource> resources = new LinkedHashMap<>();
    private final Map<String, String> schemas = new HashMap<>();
    private final Map<String, String> datasetSchemas = new HashMap<>();
    private final Map<String, Map<DatasetType, Dataset>> datasetsByGroup = new HashMap<>();
    private final Map<String, Solution> solutions = new HashMap<>();
    private final Map<String, SegmentModel> models = new HashMap<>();
    /** What each solution version's model was trained on, to find a model trained on the same. */
    private final Map<String, TrainedOn> trainedOn = new HashMap<>();
    private final Trainer trainer;
    /** Numbers the import jobs, so a dataset's import says which data a model was trained on. */
    private long imports;
    private final Map<String, Map<String, Double>> metrics = new HashMap<>();
    private final Map<TrainedOn, Map<QueryKind, Map<String, Double>>> measurements = new HashMap<>();
    private final Map<String, BatchSegmentJobDescription> jobs = new HashMap<>();
    private final Predicate<String> held;

    /** @param parameters how the engine trains (seed, threads); solutions' settings (hyperparameters, events, embeddedEngine) apply on top */
    public LocalSegmentationService(ObjectStore store, TrainingParameters parameters) {
        this(store, parameters, SegmentModelTrainer::train, Clock.systemUTC(), arn -> false);
    }

    /**
     * @param trainer trains the engine
     * @param clock   says when "now" is, for the TIMESTAMP check of imports and trainings
     * @param held    the resources, by ARN, whose work never ends: they stay CREATE IN_PROGRESS, as a training or
     *                an import that never finishes would ({@code arn -> false}: every one finishes)
     */
    public LocalSegmentationService(ObjectStore store, TrainingParameters parameters, Trainer trainer, Clock clock,
                                    Predicate<String> held) {
        this.store = store;
        this.clock = clock;
        this.parameters = parameters;
        this.trainer = trainer;
        this.held = held;
    }

    @Override
    public synchronized ResourceState ensureDatasetGroup(String name, String domain) {
        return ensure(ARN + "dataset-group/" + name, null, () -> datasetsByGroup.putIfAbsent(ARN + "dataset-group/" + name,
                new EnumMap<>(DatasetType.class)));
    }

    @Override
    public synchronized ResourceState ensureSchema(String name, String avroSchemaJson, String domain) {
        String arn = ARN + "schema/" + name;
        if (schemas.containsKey(arn) && !SchemaDocuments.same(schemas.get(arn), avroSchemaJson)) {
            throw SchemaDocuments.takenByOtherFields(name);
        }
        resources.computeIfAbsent(arn, a -> {
            SchemaReader.fromAvro(DataSource.ofText("schema " + name, avroSchemaJson));
            schemas.put(a, avroSchemaJson);
            return LocalResource.active(a);
        });
        return resources.get(arn).state();
    }

    @Override
    public synchronized ResourceState ensureDataset(String datasetGroupArn, DatasetType type, String name, String schemaArn) {
        String arn = ARN + "dataset/" + groupName(datasetGroupArn) + "/" + type.name();
        String used = datasetSchemas.putIfAbsent(arn, schemaArn);
        if (used != null && !used.equals(schemaArn)) {
            throw SchemaDocuments.datasetHasOtherSchema(arn, used, schemaArn);
        }
        return ensure(arn, datasetGroupArn, () -> group(datasetGroupArn).put(type, new Dataset(arn, type, schemas.get(schemaArn))));
    }

    @Override
    public synchronized ResourceState ensureDatasetImportJob(String datasetArn, String jobName, ObjectRef data) {
        return ensure(ARN + "dataset-import-job/" + jobName, datasetArn, () -> {
            Dataset dataset = dataset(datasetArn);
            EngineJobs.checkImport(store, dataset.type(), dataset.arn(), dataset.schema(), data, clock);
            dataset.imported = data;
            dataset.importNumber = ++imports;
        });
    }

    @Override
    public synchronized ResourceState ensureSolution(String datasetGroupArn, String name, String recipeArn,
                                                     SolutionSettings settings) {
        String arn = ARN + "solution/" + name;
        return ensure(arn, datasetGroupArn, () -> solutions.put(arn, new Solution(datasetGroupArn, recipeArn, settings)));
    }

    @Override
    public synchronized ResourceState ensureSolutionVersion(String solutionArn, String name) {
        String arn = solutionArn + "/" + name;
        return ensure(arn, solutionArn, () -> {
            Solution solution = solutions.get(solutionArn);
            if (solution == null) {
                throw new IllegalStateException("solution " + solutionArn + " does not exist");
            }
            EngineTraining effective = EngineTraining.of(parameters, solution.settings());
            TrainedOn basis = new TrainedOn(solution.datasetGroupArn(), importNumbers(solution.datasetGroupArn()), effective);
            Optional<SegmentModel> shared = modelTrainedOn(basis);
            if (shared.isPresent() && measurements.containsKey(basis)) {
                models.put(arn, shared.get());
            } else {
                TrainingData data = readGroup(solution.datasetGroupArn());
                models.put(arn, shared.orElseGet(() -> trainer.train(data, effective.parameters(), effective.explicit())));
                measurements.computeIfAbsent(basis, b -> SolutionMetrics.measure(data, effective.parameters(), effective.explicit()));
            }
            Map<QueryKind, Map<String, Double>> measured = measurements.get(basis);
            metrics.put(arn, EngineJobs.metricsOf(solution.recipeArn(), measured));
            trainedOn.put(arn, basis);
        });
    }

    @Override
    public synchronized Map<String, Double> solutionVersionMetrics(String solutionVersionArn) {
        return metrics.getOrDefault(solutionVersionArn, Map.of());
    }

    @Override
    public synchronized ResourceState ensureBatchSegmentJob(BatchSegmentJobRequest request) {
        String arn = ARN + "batch-segment-job/" + request.jobName();
        ResourceState state = ensure(arn, request.solutionVersionArn(), () -> {
            SegmentModel model = models.get(request.solutionVersionArn());
            if (model == null) {
                throw new IllegalStateException("solution version " + request.solutionVersionArn() + " is not ACTIVE");
            }
            EngineJobs.writeBatchOutput(store, model, request.input(), request.outputPrefix(), request.numResults());
        });
        jobs.put(arn, new BatchSegmentJobDescription(arn, request.jobName(), state.status(), state.failureReason(),
                request.solutionVersionArn(), request.input(), request.outputPrefix(), request.numResults()));
        return state;
    }

    @Override
    public synchronized BatchSegmentJobDescription describeBatchSegmentJob(String batchSegmentJobArn) {
        BatchSegmentJobDescription job = jobs.get(batchSegmentJobArn);
        if (job == null) {
            throw new IllegalArgumentException("no batch segment job " + batchSegmentJobArn);
        }
        return job;
    }

    @Override
    public synchronized DatasetGroupContents datasetGroupContents(String datasetGroupName) {
        String group = ARN + "dataset-group/" + datasetGroupName;
        if (!resources.containsKey(group)) {
            return DatasetGroupContents.none(datasetGroupName);
        }
        List<String> datasets = children(group, "dataset/");
        return new DatasetGroupContents(datasetGroupName, group, children(group, "solution/"), List.of(), List.of(),
                datasets, datasets.stream().map(datasetSchemas::get).filter(Objects::nonNull).distinct().toList());
    }

    @Override
    public synchronized DeletionState delete(ResourceKind kind, String arn) {
        LocalResource resource = resources.get(arn);
        if (resource == null) {
            return DeletionState.deleted(arn);
        }
        if (resource.isDeleting()) {
            if (resource.advanceDeletion()) {
                remove(arn);
                return DeletionState.deleted(arn);
            }
            return DeletionState.of(arn, resource.status(), null);
        }
        if (resource.isCreating()) {
            return DeletionState.of(arn, resource.status(), "its creation to end");
        }
        Optional<String> training = kind == ResourceKind.SOLUTION ? stopTraining(arn) : Optional.empty();
        if (training.isPresent()) {
            return DeletionState.of(arn, resource.status(), training.get());
        }
        List<String> users = usersOf(kind, arn);
        if (!users.isEmpty()) {
            return DeletionState.of(arn, resource.status(), "what still uses it (" + String.join(", ", users) + ")");
        }
        if (kind == ResourceKind.SCHEMA) {
            remove(arn);
            return DeletionState.deleted(arn);
        }
        resource.startDeletion();
        return DeletionState.of(arn, resource.status(), null);
    }

    /** Every resource the stand-in holds, by ARN: what a clean-up leaves behind. */
    public synchronized List<String> resourceArns() {
        return List.copyOf(resources.keySet());
    }

    /**
     * Moves the solution's versions in training one step towards CREATE STOPPED; says what the
     * solution's deletion waits for, or empty when none trains.
     */
    private Optional<String> stopTraining(String solutionArn) {
        List<LocalResource> training = children(solutionArn).stream().filter(v -> v.isCreating() || v.isStopping()).toList();
        for (LocalResource version : training) {
            if (version.isCreating()) {
                version.stop();
            } else {
                version.advance(false);
            }
        }
        return training.isEmpty() ? Optional.empty() : Optional.of("training to stop: solution versions "
                + String.join(", ", training.stream().map(LocalResource::arn).toList()));
    }

    /** What keeps a resource from being deleted, as Personalize sees it. */
    private List<String> usersOf(ResourceKind kind, String arn) {
        List<String> users = new ArrayList<>();
        switch (kind) {
            case DATASET -> {
                children(arn).stream().filter(LocalResource::isCreating).forEach(job -> users.add("import job " + job.arn()));
                String group = resources.get(arn).parentArn();
                children(group, "solution/").forEach(solution -> children(solution).stream().filter(LocalResource::isCreating)
                        .forEach(version -> users.add("solution version " + version.arn() + " in training")));
            }
            case SCHEMA -> datasetSchemas.forEach((dataset, schema) -> {
                if (schema.equals(arn) && resources.containsKey(dataset)) {
                    users.add("dataset " + dataset);
                }
            });
            case DATASET_GROUP -> children(arn).forEach(child -> users.add(child.arn()));
            default -> {
            }
        }
        return users;
    }

    /** Removes a deleted resource, what it holds and what the engine kept of them. */
    private void remove(String arn) {
        children(arn).forEach(child -> remove(child.arn()));
        resources.remove(arn);
        schemas.remove(arn);
        datasetSchemas.remove(arn);
        solutions.remove(arn);
        models.remove(arn);
        trainedOn.remove(arn);
        metrics.remove(arn);
        jobs.remove(arn);
        datasetsByGroup.remove(arn);
        datasetsByGroup.values().forEach(datasets -> datasets.values().removeIf(d -> d.arn().equals(arn)));
    }

    private List<LocalResource> children(String parentArn) {
        return resources.values().stream().filter(r -> parentArn.equals(r.parentArn())).toList();
    }

    /** The ARNs of the children of one kind ({@code "dataset/"}, {@code "solution/"}). */
    private List<String> children(String parentArn, String kind) {
        return children(parentArn).stream().map(LocalResource::arn).filter(a -> a.startsWith(ARN + kind)).toList();
    }

    /** Every resource the stand-in holds, by ARN, with its status, in creation order. */
    public synchronized Map<String, String> resources() {
        Map<String, String> statuses = new LinkedHashMap<>();
        resources.forEach((arn, resource) -> statuses.put(arn, resource.state().status()));
        return statuses;
    }

    /** @param parentArn the resource this one belongs to (null for none); the name is taken for it alone */
    private ResourceState ensure(String arn, String parentArn, Runnable work) {
        LocalResource resource = resources.get(arn);
        if (resource == null) {
            resource = new LocalResource(arn, parentArn, work);
            resources.put(arn, resource);
            return resource.state();
        }
        if (!Objects.equals(resource.parentArn(), parentArn)) {
            throw new IllegalStateException("ResourceAlreadyExistsException: " + arn + " belongs to " + resource.parentArn()
                    + ", not to " + parentArn + "; Personalize takes the name for the whole account: choose another name");
        }
        return resource.advance(held.test(arn));
    }

    /** A model some solution version already has, trained on exactly {@code basis}. */
    private Optional<SegmentModel> modelTrainedOn(TrainedOn basis) {
        return trainedOn.entrySet().stream().filter(e -> e.getValue().equals(basis) && models.containsKey(e.getKey()))
                .map(e -> models.get(e.getKey())).findFirst();
    }

    /** The import numbers of the group's datasets, in dataset type order (0: never imported). */
    private List<Long> importNumbers(String datasetGroupArn) {
        List<Long> numbers = new ArrayList<>();
        for (DatasetType type : DatasetType.values()) {
            Dataset dataset = group(datasetGroupArn).get(type);
            numbers.add(dataset == null ? 0L : dataset.importNumber);
        }
        return numbers;
    }

    /** Reads what the group's import jobs imported, as a solution version trains on it. */
    private TrainingData readGroup(String datasetGroupArn) {
        Map<DatasetType, EngineJobs.Imported> imported = new EnumMap<>(DatasetType.class);
        group(datasetGroupArn).forEach((type, dataset) -> {
            if (dataset.imported != null) {
                imported.put(type, new EngineJobs.Imported(dataset.arn(), dataset.schema(), dataset.imported));
            }
        });
        return EngineJobs.read(store, datasetGroupArn, imported, clock);
    }

    private Map<DatasetType, Dataset> group(String datasetGroupArn) {
        Map<DatasetType, Dataset> datasets = datasetsByGroup.get(datasetGroupArn);
        if (datasets == null) {
            throw new IllegalStateException("dataset group " + datasetGroupArn + " is not ACTIVE");
        }
        return datasets;
    }

    private Dataset dataset(String datasetArn) {
        return datasetsByGroup.values().stream().flatMap(m -> m.values().stream())
                .filter(d -> d.arn().equals(datasetArn)).findFirst()
                .orElseThrow(() -> new IllegalStateException("dataset " + datasetArn + " is not ACTIVE"));
    }

    private static String groupName(String datasetGroupArn) {
        return datasetGroupArn.substring(datasetGroupArn.lastIndexOf('/') + 1);
    }

    /** A dataset, its schema and the file its last import job read. */
    private static final class Dataset {
        private final String arn;
        private final DatasetType type;
        private final String schema;
        private ObjectRef imported;
        private long importNumber;

        Dataset(String arn, DatasetType type, String schema) {
            this.arn = arn;
            this.type = type;
            this.schema = schema;
        }

        String arn() {
            return arn;
        }

        DatasetType type() {
            return type;
        }

        String schema() {
            return schema;
        }
    }

    private record Solution(String datasetGroupArn, String recipeArn, SolutionSettings settings) {
    }

    /** The data (the group's imports) and the parameters and settings a model was trained with. */
    private record TrainedOn(String datasetGroupArn, List<Long> imports, EngineTraining training) {
    }

    /** Trains the engine: {@link SegmentModelTrainer#train(TrainingData, TrainingParameters, ExplicitSettings)} in the local cloud. */
    @FunctionalInterface
    public interface Trainer {
        SegmentModel train(TrainingData data, TrainingParameters parameters, ExplicitSettings explicit);
    }
}
