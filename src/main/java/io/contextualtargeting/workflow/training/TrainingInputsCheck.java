package io.contextualtargeting.workflow.training;

import io.contextualtargeting.formats.InputException;
import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.formats.data.DatasetFiles;
import io.contextualtargeting.formats.data.DatasetSchema;
import io.contextualtargeting.formats.data.ItemColumn;
import io.contextualtargeting.formats.data.ItemColumns;
import io.contextualtargeting.formats.data.SchemaReader;
import io.contextualtargeting.formats.query.ItemQuery;
import io.contextualtargeting.formats.query.QueryFileReader;
import io.contextualtargeting.formats.query.QueryLimits;
import io.contextualtargeting.formats.query.QueryLine;
import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.ports.ObjectStore;
import io.contextualtargeting.ports.SegmentationService.DatasetType;
import io.contextualtargeting.workflow.ResourcePendingException;
import io.contextualtargeting.workflow.training.TrainingPlan.DatasetPlan;
import io.contextualtargeting.workflow.training.TrainingPlan.SolutionPlan;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks what a training plan names before anything is created in Personalize, so that a mistake
 * costs seconds, not an hour of training (the config itself, schemas included, is checked by the
 * parser): each data file exists and its header fits its schema, the first rows of the interactions have
 * TIMESTAMPs in whole seconds from 1990 to a day after the upload, and every batch segment query parses, fits the
 * items schema and the solution's recipe. Files not uploaded yet make the step pending (an
 * {@code aws s3 sync} may still be uploading them).
 */
public final class TrainingInputsCheck {
    /** How many interactions are read on upload: enough to catch a wrong TIMESTAMP unit, cheap on any file. */
    static final int INTERACTIONS_SAMPLE = 1000;
    private final ObjectStore store;

    public TrainingInputsCheck(ObjectStore store) {
        this.store = store;
    }

    /** @param uploaded when the config was uploaded: "now" for the TIMESTAMP check */
    public void check(TrainingPlan plan, Instant uploaded) {
        List<InputException> problems = new ArrayList<>();
        Map<DatasetType, DatasetSchema> schemas = schemas(plan, problems);
        throwIfAny(plan, problems);
        waitForUploads(plan);
        for (DatasetPlan dataset : plan.datasets()) {
            DatasetType type = DatasetType.valueOf(dataset.type());
            DataSource file = source(ObjectRef.parse(dataset.data()));
            Optional<DatasetSchema> schema = Optional.ofNullable(schemas.get(type));
            collect(problems, () -> {
                DatasetFiles.checkHeader(file, schema, SchemaRequirements.columns(type));
                if (type == DatasetType.INTERACTIONS) {
                    DatasetFiles.checkFirstInteractions(file, schema, Clock.fixed(uploaded, ZoneOffset.UTC), INTERACTIONS_SAMPLE);
                }
            });
        }
        ItemColumns columns = schemas.containsKey(DatasetType.ITEMS)
                ? ItemColumns.fromSchema(schemas.get(DatasetType.ITEMS)) : new ItemColumns(List.of());
        if (plan.solutions().stream().anyMatch(TrainingInputsCheck::isAttributeAffinity)
                && columns.all().stream().noneMatch(ItemColumn::isQueryable)) {
            problems.add(new InputException(plan.config(), 0, "datasets.items.schema",
                    "aws-item-attribute-affinity needs at least one non-textual metadata column besides ITEM_ID"));
        }
        for (ObjectRef input : jobInputs(plan)) {
            SolutionPlan solution = solutionOf(plan, input);
            collect(problems, () -> checkQueries(input, solution, columns));
        }
        throwIfAny(plan, problems);
    }

    /** The schemas, which the parser has checked already; a problem is collected, not thrown. */
    private Map<DatasetType, DatasetSchema> schemas(TrainingPlan plan, List<InputException> problems) {
        Map<DatasetType, DatasetSchema> schemas = new EnumMap<>(DatasetType.class);
        for (DatasetPlan dataset : plan.datasets()) {
            DatasetType type = DatasetType.valueOf(dataset.type());
            String path = "datasets." + type.name().toLowerCase(Locale.ROOT) + ".schema.serviceConfig.schema";
            collect(problems, () -> schemas.put(type, SchemaReader.fromAvro(DataSource.ofText(plan.config() + " " + path,
                    dataset.schema()))));
        }
        return schemas;
    }

    private void waitForUploads(TrainingPlan plan) {
        Set<String> missing = new LinkedHashSet<>();
        plan.datasets().stream().map(d -> ObjectRef.parse(d.data())).filter(ref -> !store.exists(ref))
                .forEach(ref -> missing.add(ref.url()));
        jobInputs(plan).stream().filter(ref -> !store.exists(ref)).forEach(ref -> missing.add(ref.url()));
        if (!missing.isEmpty()) {
            throw new ResourcePendingException("waiting for files the config names to be uploaded: " + String.join(", ", missing));
        }
    }

    private void checkQueries(ObjectRef input, SolutionPlan solution, ItemColumns columns) {
        boolean itemAffinity = !isAttributeAffinity(solution);
        for (QueryLine line : QueryFileReader.read(source(input), columns, QueryLimits.PERSONALIZE)) {
            if ((line.query() instanceof ItemQuery) != itemAffinity) {
                throw new InputException(input.url(), line.line(), line.query().key(), "solution " + solution.name()
                        + " uses " + recipeName(solution) + ", which answers "
                        + (itemAffinity ? "{\"itemId\": ...}" : "{\"itemAttributes\": ...}") + " queries only");
            }
        }
    }

    private static boolean isAttributeAffinity(SolutionPlan solution) {
        return Recipes.ITEM_ATTRIBUTE_AFFINITY.equals(solution.recipeArn());
    }

    private static String recipeName(SolutionPlan solution) {
        return solution.recipeArn().substring(solution.recipeArn().lastIndexOf('/') + 1);
    }

    private static List<ObjectRef> jobInputs(TrainingPlan plan) {
        return plan.solutions().stream().flatMap(s -> s.batchSegmentJobs().stream())
                .map(job -> ObjectRef.parse(job.input())).distinct().toList();
    }

    private static SolutionPlan solutionOf(TrainingPlan plan, ObjectRef input) {
        return plan.solutions().stream()
                .filter(s -> s.batchSegmentJobs().stream().anyMatch(j -> ObjectRef.parse(j.input()).equals(input)))
                .findFirst().orElseThrow();
    }

    private DataSource source(ObjectRef ref) {
        return new DataSource(ref.url(), () -> store.read(ref));
    }

    private static void collect(List<InputException> problems, Runnable check) {
        try {
            check.run();
        } catch (InputException e) {
            problems.add(e);
        }
    }

    private static void throwIfAny(TrainingPlan plan, List<InputException> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidTrainingConfigException(plan.config(), problems);
        }
    }
}
