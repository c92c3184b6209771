package io.contextualtargeting.engine.generate;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a generated dataset's files live under its root, in the reference solution's data/ layout
 * (root/personalize is what gets synced to the Personalize bucket, root/pinpoint to the segment
 * import bucket), and the headers of its CSV files.
 */
public record DatasetLayout(Path root, String name) {
    public static final String INTERACTIONS_HEADER = "USER_ID,ITEM_ID,EVENT_VALUE,EVENT_TYPE,TIMESTAMP";
    public static final String ITEMS_HEADER = "ITEM_ID,TITLE,RELEASE_YEAR,CREATION_TIMESTAMP,GENRES";
    public static final String USERS_HEADER = "USER_ID,GENDER,E_MAIL,AGE";
    /** No Id column: Pinpoint generates endpoint ids on import. */
    public static final String ENDPOINTS_HEADER =
            "User.UserId,ChannelType,User.UserAttributes.Gender,Address,User.UserAttributes.Age,OptOut";
    public static final String BATCH_INPUT_FILE = "job_config.json";

    public Path trainingDirectory() {
        return root.resolve("personalize").resolve("train").resolve(name);
    }

    /** The training config; uploading it is what starts the training workflow. */
    public Path trainingConfig() {
        return trainingDirectory().resolve(name + "_config.json");
    }

    public Path interactions() {
        return trainingDirectory().resolve("interactions.csv");
    }

    public Path items() {
        return trainingDirectory().resolve("items.csv");
    }

    public Path users() {
        return trainingDirectory().resolve("users.csv");
    }

    public String attributeAffinitySolution() {
        return name + "-item-attribute-affinity";
    }

    public String itemAffinitySolution() {
        return name + "-item-affinity";
    }

    public List<String> solutions() {
        return List.of(attributeAffinitySolution(), itemAffinitySolution());
    }

    /** The batch segment job input (JSON lines) of one solution. */
    public Path batchInput(String solution) {
        return root.resolve("personalize").resolve("batch").resolve(name).resolve(solution).resolve(BATCH_INPUT_FILE);
    }

    public Path endpoints() {
        return root.resolve("pinpoint").resolve("endpoints.csv");
    }
}
