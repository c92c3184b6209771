package io.contextualtargeting.functions;

import io.contextualtargeting.ports.SegmentationService;
import io.contextualtargeting.ports.SolutionSettings;
import io.contextualtargeting.workflow.cleanup.CleanupReport;
import io.contextualtargeting.workflow.cleanup.CleanupRequest;
import io.contextualtargeting.workflow.imports.ImportStatus;
import io.contextualtargeting.workflow.imports.SegmentFileLanded;
import io.contextualtargeting.workflow.notify.ErrorInfo;
import io.contextualtargeting.workflow.notify.Notification;
import io.contextualtargeting.workflow.notify.NotificationRequest;
import io.contextualtargeting.workflow.segments.PrepareSegmentsRequest;
import io.contextualtargeting.workflow.segments.SegmentBatch;
import io.contextualtargeting.workflow.segments.SegmentFile;
import io.contextualtargeting.workflow.segments.SegmentReport;
import io.contextualtargeting.workflow.segments.SegmentsSummary;
import io.contextualtargeting.workflow.segments.SummarizeRequest;
import io.contextualtargeting.workflow.segments.WriteSegmentRequest;
import io.contextualtargeting.workflow.training.DatasetImport;
import io.contextualtargeting.workflow.training.TrainingConfigUploaded;
import io.contextualtargeting.workflow.training.TrainingPlan;
import io.contextualtargeting.workflow.training.TrainingSteps;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Registers for reflection, in the native image, every type Jackson reads or writes in the Lambda
 * path: the handlers' inputs and outputs, the records reachable from them, and the types
 * NotificationFormatter reads from a state with treeToValue. Quarkus sees the handler signatures
 * but not what lies beneath them; ReflectionRegistrationTest fails when a type is missing here.
 */
@RegisterForReflection(targets = {
        TrainingConfigUploaded.class,
        TrainingPlan.class,
        TrainingPlan.DatasetGroupPlan.class,
        TrainingPlan.DatasetPlan.class,
        TrainingPlan.SolutionPlan.class,
        SolutionSettings.class,
        SolutionSettings.EventParameters.class,
        SolutionSettings.EmbeddedEngine.class,
        TrainingPlan.BatchSegmentJobPlan.class,
        DatasetImport.ImportDatasetRequest.class,
        TrainingSteps.CreateSolutionRequest.class,
        TrainingSteps.CreateBatchSegmentJobRequest.class,
        PrepareSegmentsRequest.class,
        SegmentBatch.class,
        SegmentFile.class,
        WriteSegmentRequest.class,
        SegmentReport.class,
        SummarizeRequest.class,
        SegmentsSummary.class,
        SegmentFileLanded.class,
        ImportStatus.class,
        NotificationRequest.class,
        ErrorInfo.class,
        Notification.class,
        CleanupRequest.class,
        SegmentationService.DatasetGroupContents.class,
        CleanupReport.class})
public final class ReflectionConfig {
    private ReflectionConfig() {
    }
}
