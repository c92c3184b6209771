package io.contextualtargeting.local.personalize;

import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.local.store.FolderObjectStore;
import io.contextualtargeting.ports.SegmentationService.DatasetType;
import io.contextualtargeting.ports.SegmentationService.ResourceState;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/** Creates resources in a local Personalize stand-in, each polled until ACTIVE as the training workflow polls. */
public final class LocalPersonalizeFixture {
    static final String INTERACTIONS_SCHEMA = "{\"type\": \"record\", \"name\": \"Interactions\", \"namespace\":"
            + " \"com.amazonaws.personalize.schema\", \"fields\": [{\"name\": \"USER_ID\", \"type\": \"string\"},"
            + " {\"name\": \"ITEM_ID\", \"type\": \"string\"}, {\"name\": \"TIMESTAMP\", \"type\": \"long\"}], \"version\": \"1.0\"}";

    private final LocalSegmentationService personalize;

    public LocalPersonalizeFixture(LocalSegmentationService personalize) {
        this.personalize = personalize;
    }

    /** A stand-in whose objects live in a folder (nothing is read unless an import job runs). */
    public static LocalSegmentationService standIn(Path folder) {
        return new LocalSegmentationService(new FolderObjectStore(folder, (ref, size, etag) -> { }), TrainingParameters.defaults());
    }

    public String group(String name) {
        return untilActive(() -> personalize.ensureDatasetGroup(name, null));
    }

    public String schema(String name) {
        return personalize.ensureSchema(name, INTERACTIONS_SCHEMA, null).arn();
    }

    /** An interactions dataset of the group. */
    public String dataset(String groupArn, String name, String schemaArn) {
        return untilActive(() -> personalize.ensureDataset(groupArn, DatasetType.INTERACTIONS, name, schemaArn));
    }

    public String solution(String groupArn, String name) {
        return untilActive(() -> personalize.ensureSolution(groupArn, name, "arn:aws:personalize:::recipe/aws-item-affinity",
                Map.of()));
    }

    private static String untilActive(Supplier<ResourceState> ensure) {
        ResourceState state = ensure.get();
        for (int polls = 0; !state.isActive(); polls++) {
            if (polls == 5) {
                throw new IllegalStateException("not ACTIVE after " + polls + " polls: " + state);
            }
            state = ensure.get();
        }
        return state.arn();
    }
}
