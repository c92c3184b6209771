package io.contextualtargeting.workflow.training;

import io.contextualtargeting.engine.InputException;
import java.util.List;
import java.util.stream.Collectors;

/** A training config with one or more problems; the message lists every one with its line and field. */
public class InvalidTrainingConfigException extends InputException {
    private final List<ConfigProblem> problems;

    public InvalidTrainingConfigException(String source, List<ConfigProblem> problems) {
        super(source, problems.size() == 1 ? problems.get(0).line() : 0,
                problems.size() == 1 ? problems.get(0).field() : null, describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(List<ConfigProblem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).message();
        }
        return problems.size() + " problems:" + problems.stream()
                .map(p -> "\n  - " + p)
                .collect(Collectors.joining());
    }

    /** One problem: where (line, field path) and what. */
    public record ConfigProblem(long line, String field, String message) {
        @Override
        public String toString() {
            return (line > 0 ? "line " + line + ", " : "") + "field " + field + ": " + message;
        }
    }
}
