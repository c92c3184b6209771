package io.contextualtargeting.formats;

/**
 * Input a user can fix: a data file, a training config, a query, a job output. The message names
 * where (file, line, field), what is wrong and, when known, how to fix it; it never needs a stack
 * trace to be understood. Subclasses say which kind of input. Personal data quoted from the input
 * (e-mail addresses, phone numbers) is masked in the message, which ends up in logs and emails.
 */
public class InputException extends RuntimeException {
    private final String source;
    private final long line;
    private final String field;
    private final String problem;

    /**
     * @param source the file or object the input came from
     * @param line   1-based line number, or 0 when the problem is not on one line
     * @param field  the column, key or query position concerned, or null
     * @param problem what is wrong, and the fix when known
     */
    public InputException(String source, long line, String field, String problem) {
        super(format(source, line, field, problem));
        this.source = source;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    public String source() {
        return source;
    }

    public long line() {
        return line;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }

    private static String format(String source, long line, String field, String problem) {
        StringBuilder where = new StringBuilder(source == null ? "input" : source);
        if (line > 0) {
            where.append(", line ").append(line);
        }
        if (field != null && !field.isEmpty()) {
            where.append(", field ").append(field);
        }
        return PersonalData.mask(where + ": " + problem);
    }
}
