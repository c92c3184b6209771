package io.contextualtargeting.embedded;

import static io.contextualtargeting.ports.ResourceStatus.ACTIVE;
import static io.contextualtargeting.ports.ResourceStatus.CREATE_FAILED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contextualtargeting.engine.eval.SolutionMetrics;
import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.engine.segment.SegmentModel;
import io.contextualtargeting.formats.InputException;
import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.formats.data.SchemaReader;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.query.QueryKind;
import io.contextualtargeting.ports.ObjectNotFoundException;
import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.ports.ObjectStore;
import io.contextualtargeting.ports.ResourceStatus;
import io.contextualtargeting.ports.SchemaDocuments;
import io.contextualtargeting.ports.SegmentationService;
import io.contextualtargeting.ports.SolutionSettings;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded engine as the segmentation service of the deployed functions
 * ({@code SegmentationEngine=Embedded}): Personalize's resources, names and output, with the engine
 * doing the work inside the calling function, at once. An import job reads its whole file (a bad row
 * fails the job naming file, line and field), a solution version trains on the group's imported
 * files and records metrics measured on a time-based hold-out, and a batch segment job trains the
 * the model (training is deterministic for a seed: the model the version would have had) and writes {@code <input file name>.out}
 * under its output path exactly as Personalize does, so post-processing cannot tell which engine ran.
 *
 * <p>Every resource is a small JSON record in the artefacts bucket ({@link EngineRecords}); a call
 * finds it by name or does the work and returns ACTIVE (or CREATE FAILED with the reason), so the
 * workflow's polling loops pass straight through. The work is bounded by the calling function's
 * timeout. The solution version only measures (a training on the older 80 % of the data); the batch
 * segment job trains the model on all of it. Within one function instance a model or a measurement
 * on the same files with the same settings is made once (the local run shares one instance).
 */
public final class EmbeddedSegmentationService implements SegmentationService {
    private final EngineRecords records;
    private final ObjectStore store;
    private final TrainingParameters parameters;
    private final Clock clock;
    private final long maxInteractions;
    /** Models and measurements by what they were trained on, kept for the function instance's later calls. */
    private final Map<JsonNode, SegmentModel> models = new HashMap<>();
    private final Map<JsonNode, Map<QueryKind, Map<String, Double>>> measurements = new HashMap<>();

    /**
     * @param bucket     the artefacts bucket, where the resources' records are kept
     * @param region     the region named in the resources' ARNs
     * @param parameters      how the engine trains (seed, threads); solutions' settings apply on top
     * @param maxInteractions the most interactions an import may bring, what the engine's functions train within
     *                        their memory and time (0: no limit)
     */
    public EmbeddedSegmentationService(ObjectStore store, String bucket, String region, TrainingParameters parameters,
                                       Clock clock, long maxInteractions) {
        this.records = new EngineRecords(store, bucket, "arn:aws:personalize:" + region + ":embedded:");
        this.store = store;
        this.parameters = parameters;
        this.clock = clock;
        this.maxInteractions = maxInteractions;
    }

    /** As a Lambda function runs it: the engine's default training, on every core the function has, TIMESTAMPs checked against now. */
    public static EmbeddedSegmentationService inFunction(ObjectStore store, String bucket, String region, long maxInteractions) {
        return new EmbeddedSegmentationService(store, bucket, region, TrainingParameters.defaults(), Clock.systemUTC(),
                maxInteractions);
    }

    @Override
    public synchronized ResourceState ensureDatasetGroup(String name, String domain) {
        return ensure(records.arn("dataset-group/" + name), null, record -> { });
    }

    @Override
    public synchronized ResourceState ensureSchema(String name, String avroSchemaJson, String domain) {
        String arn = records.arn("schema/" + name);
        Optional<ObjectNode> existing = records.find(arn);
        if (existing.isPresent() && !SchemaDocuments.same(existing.get().path("schema").asText(), avroSchemaJson)) {
            throw SchemaDocuments.takenByOtherFields(name);
        }
        return ensure(arn, null, record -> {
            SchemaReader.fromAvro(DataSource.ofText("schema " + name, avroSchemaJson));
            record.put("schema", avroSchemaJson);
        });
    }

    @Override
    public synchronized ResourceState ensureDataset(String datasetGroupArn, DatasetType type, String name, String schemaArn) {
        String arn = records.arn("dataset/" + groupName(datasetGroupArn) + "/" + type.name());
        records.find(arn).map(d -> d.path("schemaArn").asText()).filter(used -> !used.equals(schemaArn)).ifPresent(used -> {
            throw SchemaDocuments.datasetHasOtherSchema(arn, used, schemaArn);
        });
        return ensure(arn, datasetGroupArn, record -> {
            records.get(datasetGroupArn, "dataset group");
            record.put("type", type.name()).put("schemaArn", schemaArn);
        });
    }

    @Override
    public synchronized ResourceState ensureDatasetImportJob(String datasetArn, String jobName, ObjectRef data) {
        return ensure(records.arn("dataset-import-job/" + jobName), datasetArn, record -> {
            ObjectNode dataset = records.get(datasetArn, "dataset");
            ObjectNode schema = records.get(dataset.path("schemaArn").asText(), "schema");
            record.put("data", data.url());
            int interactions = EngineJobs.checkImport(store, DatasetType.valueOf(dataset.path("type").asText()), datasetArn,
                    schema.path("schema").asText(), data, clock);
            refuseMoreThanAFunctionTrains(data, interactions);
            records.save(dataset.put("imported", data.url()).put("schema", schema.path("schema").asText()));
        });
    }

    /** Fails the import, before any training, of more interactions than the engine's functions are sized for. */
    private void refuseMoreThanAFunctionTrains(ObjectRef data, int interactions) {
        if (maxInteractions > 0 && interactions > maxInteractions) {
            throw new InputException(data.url(), 0, null, interactions + " interactions, more than the " + maxInteractions
                    + " that one function of SegmentationEngine=Embedded trains within its memory and time"
                    + " (EMBEDDED_ENGINE_MAX_INTERACTIONS): use SegmentationEngine=Personalize, or split the data");
        }
    }

    @Override
    public synchronized ResourceState ensureSolution(String datasetGroupArn, String name, String recipeArn,
                                                     SolutionSettings settings) {
        return ensure(records.arn("solution/" + name), datasetGroupArn, record -> {
            records.get(datasetGroupArn, "dataset group");
            record.put("recipeArn", recipeArn).set("settings", records.tree(settings));
        });
    }

    /** Trains on the group's imported files; the record keeps those files, so the batch segment job trains the same model. */
    @Override
    public synchronized ResourceState ensureSolutionVersion(String solutionArn, String name) {
        return ensure(solutionArn + "/" + name, solutionArn, record -> {
            ObjectNode solution = records.get(solutionArn, "solution");
            ObjectNode basis = basis(solution);
            record.set("trainedOn", basis);
            record.set("metrics", records.tree(EngineJobs.metricsOf(solution.path("recipeArn").asText(), measure(basis))));
        });
    }

    @Override
    public synchronized Map<String, Double> solutionVersionMetrics(String solutionVersionArn) {
        Map<String, Double> metrics = new HashMap<>();
        records.get(solutionVersionArn, "solution version").path("metrics").fields()
                .forEachRemaining(metric -> metrics.put(metric.getKey(), metric.getValue().asDouble()));
        return metrics;
    }

    @Override
    public synchronized ResourceState ensureBatchSegmentJob(BatchSegmentJobRequest request) {
        return ensure(records.arn("batch-segment-job/" + request.jobName()), request.solutionVersionArn(), record -> {
            record.put("jobName", request.jobName()).put("input", request.input().url())
                    .put("outputPrefix", request.outputPrefix().url()).put("numResults", request.numResults());
            ObjectNode version = records.get(request.solutionVersionArn(), "solution version");
            if (!ACTIVE.wire().equals(version.path("status").asText())) {
                throw new IllegalStateException("solution version " + request.solutionVersionArn() + " is not ACTIVE");
            }
            ObjectNode solution = records.get(version.path("parentArn").asText(), "solution");
            SegmentModel model = train(version.path("trainedOn"), EngineJobs.kindOf(solution.path("recipeArn").asText()));
            EngineJobs.writeBatchOutput(store, model, request.input(), request.outputPrefix(), request.numResults());
        });
    }

    @Override
    public synchronized BatchSegmentJobDescription describeBatchSegmentJob(String batchSegmentJobArn) {
        ObjectNode job = records.get(batchSegmentJobArn, "batch segment job");
        return new BatchSegmentJobDescription(batchSegmentJobArn, job.path("jobName").asText(), job.path("status").asText(),
                job.path("failureReason").textValue(), job.path("parentArn").asText(), ObjectRef.parse(job.path("input").asText()),
                ObjectRef.parse(job.path("outputPrefix").asText()), job.path("numResults").asInt());
    }

    @Override
    public synchronized DatasetGroupContents datasetGroupContents(String datasetGroupName) {
        String group = records.arn("dataset-group/" + datasetGroupName);
        if (records.find(group).isEmpty()) {
            return DatasetGroupContents.none(datasetGroupName);
        }
        List<String> solutions = records.arnsUnder("solution/").stream().filter(arn -> !arn.substring(records.arn("solution/")
                .length()).contains("/")).filter(arn -> records.find(arn).map(s -> group.equals(s.path("parentArn").asText()))
                .orElse(false)).toList();
        List<String> datasets = records.arnsUnder("dataset/" + datasetGroupName + "/");
        List<String> schemas = datasets.stream().map(d -> records.find(d).map(r -> r.path("schemaArn").asText()).orElse(""))
                .filter(s -> !s.isEmpty()).distinct().toList();
        return new DatasetGroupContents(datasetGroupName, group, solutions, List.of(), List.of(), datasets, schemas);
    }

    /** Deletes the resource's record at once (a solution's with its versions'): nothing runs in the background. */
    @Override
    public synchronized DeletionState delete(ResourceKind kind, String arn) {
        if (kind == ResourceKind.SOLUTION) {
            records.arnsUnder(arn.substring(arn.indexOf(":solution/") + 1) + "/").forEach(records::delete);
        }
        if (records.find(arn).isPresent()) {
            records.delete(arn);
        }
        return DeletionState.deleted(arn);
    }

    /**
     * Finds the resource by ARN, or creates its record and does its work now: ACTIVE when the work
     * ends, CREATE FAILED with the reason when the data or a resource it needs is wrong.
     *
     * @param parentArn what the resource belongs to; Personalize takes a name for the whole account
     */
    private ResourceState ensure(String arn, String parentArn, Work work) {
        Optional<ObjectNode> existing = records.find(arn);
        if (existing.isPresent()) {
            String owner = existing.get().path("parentArn").textValue();
            if (parentArn != null && !parentArn.equals(owner)) {
                throw new IllegalStateException("ResourceAlreadyExistsException: " + arn + " belongs to " + owner
                        + ", not to " + parentArn + "; Personalize takes the name for the whole account: choose another name");
            }
            return stateOf(existing.get());
        }
        ObjectNode record = records.newRecord(arn);
        if (parentArn != null) {
            record.put("parentArn", parentArn);
        }
        try {
            work.run(record);
            record.put("status", ACTIVE.wire());
        } catch (InputException | ObjectNotFoundException | UncheckedIOException | IllegalStateException e) {
            record.put("status", CREATE_FAILED.wire()).put("failureReason", e.getMessage());
        }
        records.save(record);
        return stateOf(record);
    }

    private static ResourceState stateOf(ObjectNode record) {
        return ResourceState.of(record.path("arn").asText(), ResourceStatus.of(record.path("status").asText()),
                record.path("failureReason").textValue());
    }

    /** What a version of the solution trains on: the group's imported files and schemas, the recipe and the solution's settings. */
    private ObjectNode basis(ObjectNode solution) {
        String group = solution.path("parentArn").asText();
        ObjectNode basis = records.newRecord(group);
        basis.set("settings", solution.path("settings"));
        ObjectNode imported = basis.putObject("imported");
        for (String datasetArn : records.arnsUnder("dataset/" + groupName(group) + "/")) {
            ObjectNode dataset = records.get(datasetArn, "dataset");
            if (dataset.hasNonNull("imported")) {
                imported.putObject(dataset.path("type").asText()).put("dataset", datasetArn)
                        .put("schema", dataset.path("schema").asText()).put("file", dataset.path("imported").asText());
            }
        }
        return basis;
    }

    /**
     * The model trained on a basis for one recipe's kind of query, trained once per function instance:
     * a batch segment job answers one recipe's queries, so only that kind is validated.
     */
    private SegmentModel train(JsonNode basis, QueryKind kind) {
        ObjectNode key = basis.deepCopy();
        key.put("queryKind", kind.name());
        return models.computeIfAbsent(key, unused -> training(basis).train(read(basis), EnumSet.of(kind)));
    }

    /** The hold-out metrics of both recipes on a basis (a training on the older 80 %), measured once per function instance. */
    private Map<QueryKind, Map<String, Double>> measure(JsonNode basis) {
        return measurements.computeIfAbsent(basis.deepCopy(), b -> {
            EngineTraining training = training(b);
            return SolutionMetrics.measure(read(b), training.parameters(), training.explicit());
        });
    }

    private EngineTraining training(JsonNode basis) {
        return EngineTraining.of(parameters, records.settings(basis.path("settings")));
    }

    private TrainingData read(JsonNode basis) {
        Map<DatasetType, EngineJobs.Imported> imported = new EnumMap<>(DatasetType.class);
        basis.path("imported").fields().forEachRemaining(e -> imported.put(DatasetType.valueOf(e.getKey()),
                new EngineJobs.Imported(e.getValue().path("dataset").asText(), e.getValue().path("schema").asText(),
                        ObjectRef.parse(e.getValue().path("file").asText()))));
        return EngineJobs.read(store, basis.path("arn").asText(), imported, clock);
    }

    private static String groupName(String datasetGroupArn) {
        return datasetGroupArn.substring(datasetGroupArn.lastIndexOf('/') + 1);
    }

    @FunctionalInterface
    private interface Work {
        void run(ObjectNode record);
    }
}
