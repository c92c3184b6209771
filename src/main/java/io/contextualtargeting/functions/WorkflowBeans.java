package io.contextualtargeting.functions;

import io.contextualtargeting.ports.EngagementPlatform;
import io.contextualtargeting.ports.Notifier;
import io.contextualtargeting.ports.ObjectStore;
import io.contextualtargeting.ports.SegmentationService;
import io.contextualtargeting.workflow.cleanup.CleanupSteps;
import io.contextualtargeting.workflow.imports.CheckSegmentImport;
import io.contextualtargeting.workflow.imports.StartSegmentImport;
import io.contextualtargeting.workflow.notify.NotificationFormatter;
import io.contextualtargeting.workflow.notify.NotifyStep;
import io.contextualtargeting.workflow.segments.PrepareSegments;
import io.contextualtargeting.workflow.segments.WriteSegment;
import io.contextualtargeting.workflow.training.DatasetImport;
import io.contextualtargeting.workflow.training.TrainingSteps;
import io.contextualtargeting.workflow.training.ValidateTrainingConfig;
import java.time.Clock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the workflow steps from the ports, for the Lambda functions. (The local runner builds
 * the same steps from local adapters.) Beans are created on first use, so a function only pays for
 * the clients its step needs.
 */
@ApplicationScoped
public class WorkflowBeans {

    @Produces
    @Singleton
    TrainingSteps trainingSteps(SegmentationService personalize) {
        return new TrainingSteps(personalize);
    }

    @Produces
    @Singleton
    DatasetImport datasetImport(SegmentationService personalize, ObjectStore store) {
        return new DatasetImport(personalize, store);
    }

    @Produces
    @Singleton
    CleanupSteps cleanupSteps(SegmentationService personalize) {
        return new CleanupSteps(personalize);
    }

    @Produces
    @Singleton
    NotifyStep notifyStep(Notifier notifier) {
        return new NotifyStep(new NotificationFormatter(ConsoleLinks::execution), notifier);
    }

    @Produces
    @Singleton
    CheckSegmentImport checkSegmentImport(EngagementPlatform pinpoint) {
        return new CheckSegmentImport(pinpoint);
    }

    @Produces
    @Singleton
    StartSegmentImport startSegmentImport(ObjectStore store, EngagementPlatform pinpoint) {
        return new StartSegmentImport(store, pinpoint);
    }

    /** Endpoint lookups in parallel: GetUserEndpoints is one call per user. */
    @Produces
    @Singleton
    WriteSegment writeSegment(ObjectStore store, EngagementPlatform pinpoint,
                              @ConfigProperty(name = "id.form.max.users", defaultValue = "" + WriteSegment.DEFAULT_ID_FORM_MAX_USERS) long idFormMaxUsers) {
        return new WriteSegment(store, pinpoint, 16, idFormMaxUsers);
    }

    @Produces
    @Singleton
    ValidateTrainingConfig validateTrainingConfig(ObjectStore store) {
        return new ValidateTrainingConfig(store);
    }

    @Produces
    @Singleton
    PrepareSegments prepareSegments(ObjectStore store, SegmentationService personalize) {
        return new PrepareSegments(store, personalize, Clock.systemUTC());
    }
}
