package io.contextualtargeting.workflow.imports;

import io.contextualtargeting.engine.InputException;
import java.util.List;

/** A segment (or endpoint) file Pinpoint would not import whole; lists its first problems with their lines. */
public class InvalidSegmentFileException extends InputException {
    private final List<InputException> problems;
    private final long total;

    public InvalidSegmentFileException(String source, List<InputException> problems, long total) {
        super(source, problems.size() == 1 ? problems.get(0).line() : 0,
                problems.size() == 1 ? problems.get(0).field() : null, describe(problems, total));
        this.problems = List.copyOf(problems);
        this.total = total;
    }

    /** The first problems, each with its line and field. */
    public List<InputException> problems() {
        return problems;
    }

    /** How many problems the file has in all. */
    public long total() {
        return total;
    }

    private static String describe(List<InputException> problems, long total) {
        if (problems.size() == 1) {
            return problems.get(0).problem();
        }
        StringBuilder text = new StringBuilder(total + " problems; nothing was imported:");
        for (InputException problem : problems) {
            text.append("\n  - line ").append(problem.line());
            if (problem.field() != null) {
                text.append(", field ").append(problem.field());
            }
            text.append(": ").append(problem.problem());
        }
        if (total > problems.size()) {
            text.append("\n  - ... and ").append(total - problems.size()).append(" more");
        }
        return text.toString();
    }
}
