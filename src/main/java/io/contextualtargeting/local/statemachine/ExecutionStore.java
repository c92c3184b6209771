package io.contextualtargeting.local.statemachine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Executions kept as JSON files under {@code <work>/executions/<state machine>/<name>.json}, so that
 * separate CLI invocations can list and show them. A file is replaced atomically: readers never see
 * half a record.
 */
public final class ExecutionStore {
    private final Path directory;

    /** Does no I/O: the folder is created by the first save. */
    public ExecutionStore(Path workDirectory) {
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

    /** Every stored execution, oldest first. */
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
