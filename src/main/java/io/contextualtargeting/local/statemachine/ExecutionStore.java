package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contextualtargeting.local.store.WorkFolderLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Executions kept as JSON files under {@code <work>/executions/<state machine>/<name>.json}, so that
 * separate CLI invocations can list and show them. A file is replaced atomically: readers never see
 * half a record. An execution is never left RUNNING: once the run that owned the work folder is over
 * (its {@link WorkFolderLock} is free) while one is still RUNNING, that run was interrupted (a killed
 * JVM), and the next reader of the store marks the execution ABORTED.
 */
public final class ExecutionStore {
    static final String ABORTED_ERROR = "States.Aborted";
    static final String ABORTED_CAUSE = "the local run that owned it ended";

    private final Path work;
    private final Path directory;

    /** Does no I/O: the folder is created by the first save. */
    public ExecutionStore(Path workDirectory) {
        this.work = workDirectory;
        this.directory = workDirectory.resolve("executions");
    }

    public void save(ExecutionRecord execution) {
        Path file = file(execution.stateMachineName(), execution.name());
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".execution", ".tmp");
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), execution);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save execution " + execution.executionArn() + " in " + file, e);
        }
    }

    public boolean exists(String stateMachineName, String executionName) {
        return Files.exists(file(stateMachineName, executionName));
    }

    /** Every stored execution, oldest first; those an interrupted run left RUNNING are ABORTED first. */
    public List<ExecutionRecord> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<ExecutionRecord> executions = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory, 2)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                executions.add(read(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list executions in " + directory, e);
        }
        if (executions.stream().anyMatch(e -> e.status() == ExecutionStatus.RUNNING) && WorkFolderLock.isAbandoned(work)) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            executions.replaceAll(e -> e.status() == ExecutionStatus.RUNNING ? abort(e, now) : e);
        }
        executions.sort(Comparator.comparing(ExecutionRecord::startDate).thenComparing(ExecutionRecord::name));
        return executions;
    }

    /**
     * The execution with this ARN or name, or whose name starts with {@code id}; empty when none.
     *
     * @throws IllegalArgumentException when a prefix matches several executions
     */
    public Optional<ExecutionRecord> find(String id) {
        List<ExecutionRecord> all = list();
        for (ExecutionRecord execution : all) {
            if (execution.executionArn().equals(id) || execution.name().equals(id)) {
                return Optional.of(execution);
            }
        }
        List<ExecutionRecord> byPrefix = all.stream().filter(e -> e.name().startsWith(id)).toList();
        if (byPrefix.size() > 1) {
            throw new IllegalArgumentException("'" + id + "' matches " + byPrefix.size() + " executions: "
                    + String.join(", ", byPrefix.stream().map(ExecutionRecord::name).toList()));
        }
        return byPrefix.stream().findFirst();
    }

    /** Saves {@code running} as ABORTED at {@code now}, its history closed by an ExecutionAborted event. */
    private ExecutionRecord abort(ExecutionRecord running, Instant now) {
        ObjectNode details = Json.object().put("error", ABORTED_ERROR).put("cause", ABORTED_CAUSE);
        List<HistoryEvent> events = new ArrayList<>(running.events());
        events.add(new HistoryEvent(events.size() + 1L, now, "ExecutionAborted", null, details));
        ExecutionRecord aborted = new ExecutionRecord(running.executionArn(), running.name(), running.stateMachineArn(),
                running.stateMachineName(), ExecutionStatus.ABORTED, running.input(), null, ABORTED_ERROR,
                ABORTED_CAUSE, running.startDate(), now, List.copyOf(events));
        save(aborted);
        return aborted;
    }

    private ExecutionRecord read(Path file) {
        try {
            return Json.MAPPER.readValue(file.toFile(), ExecutionRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read execution file " + file, e);
        }
    }

    private Path file(String stateMachineName, String executionName) {
        return directory.resolve(stateMachineName).resolve(executionName + ".json");
    }
}
