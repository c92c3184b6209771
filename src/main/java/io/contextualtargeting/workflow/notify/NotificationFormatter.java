package io.contextualtargeting.workflow.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contextualtargeting.formats.Json;
import io.contextualtargeting.formats.PersonalData;
import io.contextualtargeting.workflow.cleanup.CleanupReport;
import io.contextualtargeting.workflow.cleanup.CleanupRequest;
import io.contextualtargeting.workflow.imports.ImportStatus;
import io.contextualtargeting.workflow.segments.SegmentReport;
import io.contextualtargeting.workflow.segments.SegmentsSummary;
import io.contextualtargeting.workflow.training.TrainingPlan;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Writes the email of each workflow's outcome: what was done, with figures, where the results are,
 * and on failure the error a person can act on. E-mail addresses and phone numbers never appear in it.
 */
public final class NotificationFormatter {
    private static final String PRODUCT = "contextual-targeting";
    private static final ObjectMapper JSON = Json.mapper();

    private final UnaryOperator<String> executionLink;

    /** @param executionLink where a reader can inspect an execution, from its ARN (console URL on AWS) */
    public NotificationFormatter(UnaryOperator<String> executionLink) {
        this.executionLink = executionLink;
    }

    public Notification format(NotificationRequest request) {
        StringBuilder body = new StringBuilder();
        String subject;
        switch (request.workflow()) {
            case "training" -> subject = training(request, body);
            case "segment-postprocessing" -> subject = segments(request, body);
            case "segment-import" -> subject = segmentImport(request, body);
            case "cleanup" -> subject = cleanup(request, body);
            default -> subject = request.workflow() + " " + request.outcome().toLowerCase(Locale.ROOT);
        }
        if (request.error() != null) {
            body.append("\nError: ").append(request.error().error()).append('\n')
                    .append(request.error().message()).append('\n');
            // The clean-up email says it in its own words.
            if (request.error().isPolling() && !"cleanup".equals(request.workflow())) {
                body.append("The workflow stopped waiting: it polls each resource for a bounded time. The resource may"
                        + " still finish; start the workflow again with this execution's input and it carries on from"
                        + " the resources as they are.\n");
            }
        }
        if (request.execution() != null) {
            body.append("\nExecution: ").append(executionLink.apply(request.execution())).append('\n');
        }
        return new Notification(PersonalData.mask(PRODUCT + ": " + subject), PersonalData.mask(body.toString()));
    }

    private String training(NotificationRequest request, StringBuilder body) {
        TrainingPlan plan = read(request.details(), TrainingPlan.class);
        String group = plan == null || plan.datasetGroup() == null ? "the uploaded config" : "dataset group " + plan.datasetGroup().name();
        if (!request.succeeded()) {
            // Solutions train side by side: a job announced before the failure is still post-processed.
            body.append("Training for ").append(group).append(" failed. Batch segment jobs that finished before the failure"
                    + " are post-processed as usual, each with its own email; nothing else of this upload runs.\n");
            return "training failed for " + group;
        }
        if (plan == null || plan.solutions() == null) {
            body.append("Training for ").append(group).append(" is complete; the workflow passed no details.\n");
            return "training complete for " + group;
        }
        body.append("Training for ").append(group).append(" is complete.\n");
        for (TrainingPlan.SolutionPlan solution : plan.solutions()) {
            body.append("\nSolution ").append(solution.name()).append(" (").append(recipeName(solution.recipeArn())).append(")\n")
                    .append("  solution version: ").append(solution.solutionVersionArn()).append('\n');
            if (solution.metrics() != null && !solution.metrics().isEmpty()) {
                body.append("  held-out metrics:");
                for (Map.Entry<String, Double> metric : solution.metrics().entrySet()) {
                    body.append(String.format(Locale.ROOT, " %s=%.4f", metric.getKey(), metric.getValue()));
                }
                body.append('\n');
            }
            for (TrainingPlan.BatchSegmentJobPlan job : solution.batchSegmentJobs()) {
                body.append("  batch segment job ").append(job.jobName()).append(": ").append(job.numResults())
                        .append(" users per query, output ").append(job.outputPrefix()).append('\n');
            }
        }
        body.append("\nSegment files follow: post-processing starts for every batch segment job and sends its own email.\n");
        return "training complete for " + group;
    }

    private String segments(NotificationRequest request, StringBuilder body) {
        SegmentsSummary summary = read(request.details(), SegmentsSummary.class);
        if (summary == null || summary.segments() == null) {
            body.append("Post-processing of a batch segment job failed before any segment was written.\n");
            return "segment post-processing failed";
        }
        int total = summary.segments().size();
        body.append("Batch segment job ").append(summary.jobName()).append(": ").append(total).append(" queries, ")
                .append(total - summary.failedSegments()).append(" segment files written, ")
                .append(summary.failedSegments()).append(" failed.\n")
                .append(String.format(Locale.ROOT, "Users %d: written %d, without endpoint %d, opted out %d; endpoints written %d.%n%n",
                        summary.users(), summary.usersWritten(), summary.usersWithoutEndpoint(), summary.optedOutUsers(),
                        summary.endpointsWritten()));
        for (SegmentReport report : summary.segments()) {
            body.append("- ").append(report.name()).append("  ").append(report.query()).append('\n');
            if (report.failed()) {
                body.append("    FAILED: ").append(report.error()).append('\n');
            } else {
                body.append(String.format(Locale.ROOT, "    users %d, written %d, without endpoint %d, opted out %d, endpoints %d%n",
                        report.users(), report.usersWritten(), report.usersWithoutEndpoint(), report.optedOutUsers(),
                        report.endpointsWritten()));
                body.append("    file: ").append(report.csv() == null ? "(none: no user to write)" : report.csv()).append('\n');
            }
        }
        return summary.failedSegments() == 0
                ? total + " segments written for " + summary.jobName()
                : summary.failedSegments() + " of " + total + " segments failed for " + summary.jobName();
    }

    private String segmentImport(NotificationRequest request, StringBuilder body) {
        ImportStatus status = read(request.details(), ImportStatus.class);
        String segment = status != null && status.segmentName() != null ? "segment " + status.segmentName()
                : landedFile(request.details()).map(file -> "segment " + file).orElse("a segment file");
        if (status != null && status.jobId() != null) {
            body.append("Import job ").append(status.jobId()).append(" for ").append(segment)
                    .append(" from ").append(status.source()).append(": ").append(status.status())
                    .append(", ").append(status.totalProcessed()).append(" rows processed, ")
                    .append(status.totalFailures()).append(" failed.\n");
            if (status.failures() != null) {
                status.failures().forEach(f -> body.append("  - ").append(f).append('\n'));
            }
        }
        if (request.succeeded()) {
            body.append("The segment is now available in Amazon Pinpoint.\n");
            return segment + " imported";
        }
        body.append("The segment was not imported (or not completely): fix the file and upload it again. ")
                .append("The segment file stays in S3 for other tools.\n");
        return "import of " + segment + " failed";
    }

    /** The file an import failed on before it started: the details are then the S3 event that landed it. */
    private static Optional<String> landedFile(JsonNode details) {
        String key = details == null ? "" : details.path("detail").path("object").path("key").asText("");
        return key.isEmpty() ? Optional.empty() : Optional.of(key.substring(key.lastIndexOf('/') + 1));
    }

    private String cleanup(NotificationRequest request, StringBuilder body) {
        CleanupReport report = request.succeeded() ? read(request.details(), CleanupReport.class) : null;
        if (report == null) {
            CleanupRequest input = read(request.details(), CleanupRequest.class);
            String group = input == null || input.datasetGroup() == null ? "a dataset group" : "dataset group " + input.datasetGroup();
            body.append("Clean-up of the Amazon Personalize resources of ").append(group).append(" failed. What it deleted ")
                    .append("stays deleted; once the cause is fixed, start the clean-up again: it goes on with what remains.\n");
            if (request.error() != null && request.error().isPolling()) {
                body.append("It stopped waiting because a deletion did not finish in time; the error says which.\n");
            }
            return "clean-up failed for " + group;
        }
        String group = "dataset group " + report.datasetGroup();
        if (report.datasetGroupArn() == null) {
            body.append("No Amazon Personalize dataset group is named ").append(report.datasetGroup()).append(": nothing was deleted.\n");
            return "nothing to clean up for " + group;
        }
        body.append("Deleted ").append(report.deleted().size()).append(" Amazon Personalize resources of ").append(group)
                .append(" (each solution with its versions):\n");
        report.deleted().forEach(arn -> body.append("  - ").append(arn).append('\n'));
        if (!report.keptSchemas().isEmpty()) {
            body.append("Kept, because datasets of other dataset groups use them:\n");
            report.keptSchemas().forEach(arn -> body.append("  - ").append(arn).append('\n'));
        }
        body.append("\nData in S3 is kept: training data, batch segment job inputs and outputs, segment files. ")
                .append("docs/cleanup.md says how to empty the buckets and delete the stack.\n");
        return "Personalize resources of " + group + " deleted";
    }

    private static String recipeName(String recipeArn) {
        return recipeArn == null ? "?" : recipeArn.substring(recipeArn.lastIndexOf('/') + 1);
    }

    /** The details as the given type, or null when they are something else (e.g. the triggering event). */
    private static <T> T read(JsonNode details, Class<T> type) {
        if (details == null || details.isNull()) {
            return null;
        }
        try {
            return JSON.treeToValue(details, type);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
