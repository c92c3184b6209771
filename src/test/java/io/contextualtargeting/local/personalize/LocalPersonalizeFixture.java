package io.contextualtargeting.local.personalize;

import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.local.store.FolderObjectStore;
import io.contextualtargeting.ports.SegmentationService.DatasetType;
import io.contextualtargeting.ports.SegmentationService.ResourceState;
import io.contextualtargeting.ports.SolutionSettings;
import java.nio.file.Path;
import java.util.function.Supplier;

/** Creates resources in a local Personalize stand-in, each polled until ACTIVE as the training workflow polls. */
public final class LocalPersonalizeFixture {
    static final String INTERACTIONS_SCHEMA = "{\"type\": \"record\", \"name\": \"Interactions\", \"namespace\":"
            + " \"com.amazonaws.personalize.schema\", \"fields\": [{\"name\": \"USER_ID\", \"type\": \"string\"},"
            + " {\"name\": \"ITEM_ID\", \"type\": \"string\"}, {\"name\": \"TIMESTAMP\", \"type\": \"long\"}], \"version\": \"1.0\"}";

    private final LocalSegmentationService personalize;

    /** Creates resources in a stand-in of its own, whose object store holds nothing: an import job fails to find its file. */
    public LocalPersonalizeFixture() {
        this(new LocalSegmentationService(new FolderObjectStore(Path.of("target", "no-objects"), (ref, size, etag) -> { }),
                TrainingParameters.defaults()));
    }

    public LocalPersonalizeFixture(LocalSegmentationService personalize) {
        this.personalize = personalize;
    }

    public LocalSegmentationService personalize() {
        return personalize;
    }

    /** A dataset group with an interactions dataset (and its schema) and a solution, named after the group. */
    public Group groupWithDatasetAndSolution(String name) {
        String group = group(name);
        String schema = schema(name + "-interactions");
        return new Group(group, schema, dataset(group, name + "-interactions", schema), solution(group, name + "-affinity"));
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
                SolutionSettings.none()));
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

    /** The ARNs of what {@link #groupWithDatasetAndSolution} created. */
    public record Group(String arn, String schema, String dataset, String solution) {
    }
}
