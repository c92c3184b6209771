package io.contextualtargeting.workflow.training;

import io.contextualtargeting.ports.ObjectStore;
import io.contextualtargeting.ports.SegmentationService;
import io.contextualtargeting.ports.SegmentationService.DatasetType;
import io.contextualtargeting.ports.SegmentationService.ResourceState;
import io.contextualtargeting.workflow.ResourceStates;
import io.contextualtargeting.workflow.training.TrainingPlan.DatasetPlan;

/**
 * The training step ImportDataset: schema, dataset and import job of one dataset, describe-or-create
 * like the other training steps (pending until the import job is ACTIVE). The import job reads only
 * the columns the schema names ({@link SchemaColumnsCopy}): personal data the upload holds for other
 * uses, such as users.csv's E_MAIL, never reaches Personalize.
 */
public final class DatasetImport {
    private final SegmentationService personalize;
    private final SchemaColumnsCopy files;

    public DatasetImport(SegmentationService personalize, ObjectStore store) {
        this.personalize = personalize;
        this.files = new SchemaColumnsCopy(store);
    }

    public DatasetPlan importDataset(ImportDatasetRequest request) {
        DatasetPlan dataset = request.dataset();
        ResourceState schema = ResourceStates.requireActive(
                personalize.ensureSchema(dataset.schemaName(), dataset.schema(), request.domain()), "schema");
        ResourceState created = ResourceStates.requireActive(personalize.ensureDataset(request.datasetGroupArn(),
                DatasetType.valueOf(dataset.type()), dataset.name(), schema.arn()), "dataset");
        ResourceState job = personalize.ensureDatasetImportJob(created.arn(), dataset.importJobName(), files.forImport(dataset));
        return dataset.withArns(created.arn(), ResourceStates.requireActive(job, "dataset import job").arn());
    }

    public record ImportDatasetRequest(String datasetGroupArn, String domain, DatasetPlan dataset) {
    }
}
