package io.contextualtargeting.workflow.training;

import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.ports.ObjectStore;
import io.contextualtargeting.workflow.S3Keys;
import java.time.Instant;

/**
 * The first step of the training workflow: reads the uploaded config, checks it and the files it
 * names, and plans the Personalize resources. Every problem is reported at once.
 */
public final class ValidateTrainingConfig {
    private final ObjectStore store;
    private final TrainingConfigParser parser = new TrainingConfigParser();
    private final TrainingPlanner planner = new TrainingPlanner();
    private final TrainingInputsCheck inputs;

    public ValidateTrainingConfig(ObjectStore store) {
        this.store = store;
        this.inputs = new TrainingInputsCheck(store);
    }

    public TrainingPlan run(TrainingConfigUploaded uploaded) {
        ObjectRef config = S3Keys.requireUnder(S3Keys.fromEvent(store, uploaded.bucket(), uploaded.key()),
                uploaded.expectedBucket(), TrainingPlanner.CONFIG_PREFIX, ".json", "a training config");
        TrainingConfig parsed = parser.parse(config.url(), store.readText(config));
        Instant time = Instant.parse(uploaded.time());
        TrainingPlan plan = planner.plan(parsed, config, time);
        inputs.check(plan, time);
        return plan;
    }
}
