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

    /** Interactions of {@code users} users, 4 each, odd and even users on two disjoint sets of 4 items. */
    public static String interactions(int users) {
        StringBuilder csv = new StringBuilder("USER_ID,ITEM_ID,TIMESTAMP\n");
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < 4; i++) {
                csv.append("u").append(u).append(",i").append((u % 2) * 4 + i).append(',').append(1_700_000_000 + u * 10 + i).append('\n');
            }
        }
        return csv.toString();
    }

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
