package io.contextualtargeting.embedded;

import io.contextualtargeting.engine.batch.BatchSegmentRunner;
import io.contextualtargeting.engine.segment.SegmentModel;
import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.formats.data.DatasetFiles;
import io.contextualtargeting.formats.data.DatasetSchema;
import io.contextualtargeting.formats.data.DatasetSchemas;
import io.contextualtargeting.formats.data.SchemaReader;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.data.TrainingDataReader;
import io.contextualtargeting.formats.query.QueryKind;
import io.contextualtargeting.formats.query.QueryLimits;
import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.ports.ObjectStore;
import io.contextualtargeting.ports.SegmentationService.DatasetType;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The work of Personalize's jobs, done by the embedded engine on files in an object store: what an
 * import job checks, what a solution version trains on, the metrics it reports and the file a batch
 * segment job writes. Shared by the engine that runs in the Lambda functions
 * ({@link EmbeddedSegmentationService}) and the local Personalize stand-in, so both give the same
 * answers on the same data.
 */
public final class EngineJobs {
    private static final String ATTRIBUTE_AFFINITY = "/aws-item-attribute-affinity";

    private EngineJobs() {
    }

    /** What a dataset of one type imported: its schema (Avro JSON) and the file its last import job read. */
    public record Imported(String schemaName, String schemaJson, ObjectRef file) {
    }

    /**
     * Reads the whole file as an import job into a dataset of this type does: a bad row fails with its file, line and field.
     *
     * @return how many interactions an interactions file holds; 0 for items and users
     */
    public static int checkImport(ObjectStore store, DatasetType type, String schemaName, String schemaJson, ObjectRef data,
                                  Clock clock) {
        DataSource file = source(store, data);
        Optional<DatasetSchema> schema = Optional.of(schema(schemaName, schemaJson));
        switch (type) {
            case INTERACTIONS -> {
                return DatasetFiles.checkInteractions(file, schema, clock);
            }
            case ITEMS -> DatasetFiles.checkItems(file, schema);
            case USERS -> DatasetFiles.checkUsers(file, schema);
        }
        return 0;
    }

    /** Reads what a dataset group's import jobs imported, as a solution version trains on it. */
    public static TrainingData read(ObjectStore store, String datasetGroup, Map<DatasetType, Imported> imported, Clock clock) {
        Imported interactions = imported.get(DatasetType.INTERACTIONS);
        if (interactions == null) {
            throw new IllegalStateException("dataset group " + datasetGroup + " has no imported interactions");
        }
        DatasetSchemas schemas = new DatasetSchemas(Optional.of(schema(interactions)),
                Optional.ofNullable(imported.get(DatasetType.ITEMS)).map(EngineJobs::schema),
                Optional.ofNullable(imported.get(DatasetType.USERS)).map(EngineJobs::schema));
        return TrainingDataReader.read(source(store, interactions.file()), file(store, imported.get(DatasetType.ITEMS)),
                file(store, imported.get(DatasetType.USERS)), schemas, clock);
    }

    /** Of the metrics measured for both recipes, those of the solution's recipe, named as Personalize names them. */
    public static Map<String, Double> metricsOf(String recipeArn, Map<QueryKind, Map<String, Double>> measured) {
        return measured.getOrDefault(kindOf(recipeArn), Map.of());
    }

    /** The kind of query a user-segmentation recipe answers: Item-Attribute-Affinity takes attribute expressions, Item-Affinity items. */
    public static QueryKind kindOf(String recipeArn) {
        return recipeArn.endsWith(ATTRIBUTE_AFFINITY) ? QueryKind.ATTRIBUTE : QueryKind.ITEM;
    }

    /** Where a batch segment job writes: the input file's name plus {@code .out}, under the output prefix, as Personalize does. */
    public static ObjectRef outputOf(ObjectRef input, ObjectRef outputPrefix) {
        return new ObjectRef(outputPrefix.bucket(), outputPrefix.key() + input.fileName() + ".out");
    }

    /** Answers every query of the input file with the model and writes the job's output in Personalize's format. */
    public static void writeBatchOutput(ObjectStore store, SegmentModel model, ObjectRef input, ObjectRef outputPrefix,
                                        int numResults) {
        store.write(outputOf(input, outputPrefix),
                out -> BatchSegmentRunner.run(model, source(store, input), out, numResults, QueryLimits.PERSONALIZE));
    }

    /** An object of the store as the readers read files; a missing object fails its read, naming it. */
    public static DataSource source(ObjectStore store, ObjectRef ref) {
        return new DataSource(ref.url(), () -> {
            try {
                return store.read(ref);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        });
    }

    private static Optional<DataSource> file(ObjectStore store, Imported imported) {
        return imported == null ? Optional.empty() : Optional.of(source(store, imported.file()));
    }

    private static DatasetSchema schema(Imported imported) {
        return schema(imported.schemaName(), imported.schemaJson());
    }

    private static DatasetSchema schema(String name, String avroJson) {
        return SchemaReader.fromAvro(DataSource.ofText(name, avroJson));
    }
}
