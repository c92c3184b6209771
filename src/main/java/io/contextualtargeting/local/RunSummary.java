package io.contextualtargeting.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.formats.Json;
import io.contextualtargeting.local.statemachine.ExecutionRecord;
import io.contextualtargeting.local.statemachine.ExecutionStatus;
import io.contextualtargeting.local.statemachine.HistoryEvent;
import io.contextualtargeting.local.store.FolderObjectStore;
import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.workflow.LambdaErrors;
import io.contextualtargeting.workflow.imports.ImportStatus;
import io.contextualtargeting.workflow.segments.SegmentReport;
import io.contextualtargeting.workflow.segments.SegmentsSummary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a local run produced, read back from its executions: every segment (from the post-processing
 * executions' Summarize step, which also runs when some segments fail) with its file and whether
 * Pinpoint imported it, and every execution with its status. {@code pinpoint} says whether the stack has a
 * Pinpoint part at all ({@code PinpointProjectId} other than {@code none}).
 */
public record RunSummary(List<Segment> segments, List<Execution> executions, int emails, boolean pinpoint,
                         int endpoints) {

    /** The import status of segment files when the stack has no Pinpoint part. */
    static final String NO_PINPOINT = "NONE (no Pinpoint)";

    /** One segment: its report, the local path of its file and the status of its import. */
    public record Segment(String name, String query, long users, long usersWritten, long endpointsWritten,
                          long usersWithoutEndpoint, long optedOutUsers, String object, String csv, String imported,
                          String error) {
    }

    /** An execution; {@code cause} is its error's whole message, as a person reads it (file, line, field). */
    public record Execution(String stateMachine, String name, String status, String error, String cause) {
    }

    public boolean allSucceeded() {
        return executions.stream().allMatch(e -> ExecutionStatus.SUCCEEDED.name().equals(e.status()));
    }

    static RunSummary of(List<ExecutionRecord> records, FolderObjectStore store, int emails, boolean pinpoint,
                         int endpoints) {
        List<ExecutionRecord> sorted = records.stream().sorted(Comparator.comparing(ExecutionRecord::startDate)).toList();
        Map<String, String> imports = new HashMap<>();
        for (ExecutionRecord record : sorted) {
            lastOutput(record, "StartSegmentImport").map(o -> read(o, ImportStatus.class))
                    .ifPresent(status -> imports.put(status.source(), record.status().name()));
        }
        List<Segment> segments = new ArrayList<>();
        for (ExecutionRecord record : sorted) {
            lastOutput(record, "Summarize").map(o -> read(o, SegmentsSummary.class))
                    .ifPresent(summary -> summary.segments().forEach(r -> segments.add(segment(r, store, imports,
                            pinpoint ? "NOT STARTED" : NO_PINPOINT))));
        }
        List<Execution> executions = sorted.stream().map(r -> new Execution(r.stateMachineName(), r.name(),
                r.status().name(), r.error(), LambdaErrors.readable(r.cause()))).toList();
        return new RunSummary(segments, executions, emails, pinpoint, endpoints);
    }

    private static Segment segment(SegmentReport report, FolderObjectStore store, Map<String, String> imports,
                                   String notImported) {
        String csv = report.csv() == null ? null : store.pathOf(ObjectRef.parse(report.csv())).toString();
        String imported = report.csv() == null ? null : imports.getOrDefault(report.csv(), notImported);
        return new Segment(report.name(), report.query(), report.users(), report.usersWritten(), report.endpointsWritten(),
                report.usersWithoutEndpoint(), report.optedOutUsers(), report.csv(), csv, imported, report.error());
    }

    /** The output of the last time the execution left the named state. */
    private static Optional<JsonNode> lastOutput(ExecutionRecord record, String state) {
        JsonNode found = null;
        for (HistoryEvent event : record.events()) {
            if (event.type().endsWith("StateExited") && state.equals(event.stateName()) && event.details() != null) {
                found = event.details().get("output");
            }
        }
        return Optional.ofNullable(found);
    }

    private static <T> T read(JsonNode node, Class<T> type) {
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (IOException e) {
            throw new IllegalStateException("unexpected " + type.getSimpleName() + " in an execution: " + e.getMessage(), e);
        }
    }
}
