package io.contextualtargeting.formats;

import java.util.List;

/**
 * Several problems found in one pass over some input, so that one upload reports all of them at
 * once. The message lists the first ones, each with its own file, line and field.
 */
public class InputProblemsException extends InputException {
    private final List<InputException> problems;
    private final long total;

    /**
     * @param source   what was checked (a file, or a config and the files it names)
     * @param problems the first problems found (at least one)
     * @param total    how many were found in all
     */
    public InputProblemsException(String source, List<InputException> problems, long total) {
        super(source, sameSource(source, problems) ? problems.get(0).line() : 0,
                sameSource(source, problems) ? problems.get(0).field() : null, describe(source, problems, total));
        this.problems = List.copyOf(problems);
        this.total = total;
    }

    /** The first problems, each with its line and field. */
    public List<InputException> problems() {
        return problems;
    }

    /** How many problems there are in all. */
    public long total() {
        return total;
    }

    /** One problem, in {@code source} itself: its line and field are the whole exception's. */
    private static boolean sameSource(String source, List<InputException> problems) {
        return problems.size() == 1 && source.equals(problems.get(0).source());
    }

    private static String describe(String source, List<InputException> problems, long total) {
        if (problems.size() == 1) {
            InputException only = problems.get(0);
            return source.equals(only.source()) ? only.problem() : only.getMessage();
        }
        StringBuilder text = new StringBuilder(total + " problems:");
        for (InputException problem : problems) {
            text.append("\n  - ").append(source.equals(problem.source()) ? relative(problem) : problem.getMessage());
        }
        if (total > problems.size()) {
            text.append("\n  - ... and ").append(total - problems.size()).append(" more");
        }
        return text.toString();
    }

    private static String relative(InputException problem) {
        StringBuilder where = new StringBuilder();
        if (problem.line() > 0) {
            where.append("line ").append(problem.line());
        }
        if (problem.field() != null) {
            where.append(where.length() > 0 ? ", " : "").append("field ").append(problem.field());
        }
        return where.length() == 0 ? problem.problem() : where + ": " + problem.problem();
    }
}
