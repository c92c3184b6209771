package io.contextualtargeting.formats.query;

import io.contextualtargeting.formats.data.ColumnRole;
import io.contextualtargeting.formats.data.ItemColumn;
import io.contextualtargeting.formats.data.ItemColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses Personalize's item attribute expressions: {@code ITEMS.<column> = "<value>"} terms joined
 * by {@code AND}, nothing else. Keywords are accepted in any case; values are double-quoted, with
 * {@code \} escaping a quote or a backslash. Every rejection names the 0-based character position
 * where the problem starts and says what Personalize accepts instead.
 */
public final class AttributeExpressionParser {
    private static final String ONLY = " (Personalize accepts = and AND only)";

    private final String expression;
    private final ItemColumns columns;
    private final String source;
    private final long line;
    private int position;

    private AttributeExpressionParser(String expression, ItemColumns columns, String source, long line) {
        this.expression = expression;
        this.columns = columns;
        this.source = source;
        this.line = line;
    }

    /**
     * @param columns the items columns the terms may use (from the items schema or the items file)
     * @param source  the query file, for error messages
     * @param line    the query's line in that file
     */
    public static AttributeQuery parse(String expression, ItemColumns columns, String source, long line) {
        return new AttributeExpressionParser(expression, columns, source, line).parse();
    }

    private AttributeQuery parse() {
        List<AttributeTerm> terms = new ArrayList<>();
        skipSpaces();
        if (atEnd()) {
            throw error(position, "the expression is empty; write ITEMS.<column> = \"<value>\"");
        }
        terms.add(term());
        while (true) {
            skipSpaces();
            if (atEnd()) {
                return new AttributeQuery(expression, terms);
            }
            int start = position;
            String word = word();
            if (word.equalsIgnoreCase("AND")) {
                skipSpaces();
                if (atEnd()) {
                    throw error(position, "expected ITEMS.<column> = \"<value>\" after AND");
                }
                terms.add(term());
            } else if (word.equalsIgnoreCase("OR")) {
                throw error(start, "OR is not supported" + ONLY + "; put each alternative on its own line");
            } else {
                throw error(start, "unexpected " + describe(start) + " after a term; join terms with AND");
            }
        }
    }

    private AttributeTerm term() {
        int start = position;
        if (peek() == '(') {
            throw error(start, "parentheses are not supported" + ONLY);
        }
        String dataset = word();
        rejectKeyword(dataset, start);
        if (dataset.isEmpty() || atEnd() || peek() != '.') {
            throw error(start, "expected ITEMS.<column>, found " + describe(start));
        }
        if (!dataset.equalsIgnoreCase("ITEMS")) {
            throw error(start, "only ITEMS columns can be used in itemAttributes, not " + dataset);
        }
        position++;
        int columnStart = position;
        String columnName = word();
        if (columnName.isEmpty()) {
            throw error(columnStart, "expected a column name after ITEMS.");
        }
        String column = checkColumn(columnName, columnStart);
        skipSpaces();
        operator();
        skipSpaces();
        return new AttributeTerm(column, value());
    }

    private String checkColumn(String name, int start) {
        if (name.equalsIgnoreCase(ItemColumns.ITEM_ID)) {
            throw error(start, "ITEM_ID cannot be used in itemAttributes; use {\"itemId\": \"<id>\"} for one item");
        }
        ItemColumn column = columns.find(name).orElseThrow(() -> error(start, "unknown column " + name
                + "; the items columns that can be used are " + queryable()));
        if (column.role() == ColumnRole.TEXTUAL) {
            throw error(start, column.name() + " is a textual column and cannot be used in itemAttributes;"
                    + " use one of " + queryable());
        }
        return column.name();
    }

    private void operator() {
        int start = position;
        if (atEnd()) {
            throw error(start, "expected = after the column");
        }
        char c = peek();
        if (c == '=') {
            position++;
            if (!atEnd() && peek() == '=') {
                throw error(start, "use a single = to compare");
            }
            return;
        }
        if (c == '!' || c == '<' || c == '>') {
            String op = expression.substring(start, Math.min(expression.length(), start + 2)).trim();
            if (!op.equals("<>") && !op.equals("!=") && !op.equals("<=") && !op.equals(">=")) {
                op = String.valueOf(c);
            }
            String hint = c == '!' || op.equals("<>") ? "" : "; ranges are not supported";
            throw error(start, op + " is not supported" + ONLY + hint);
        }
        String word = word();
        rejectKeyword(word, start);
        throw error(start, "expected = after the column, found " + describe(start));
    }

    private String value() {
        int start = position;
        if (atEnd()) {
            throw error(start, "expected a value in double quotes, like \"Action\"");
        }
        char c = peek();
        if (c == '(') {
            throw error(start, "lists of values are not supported" + ONLY + "; put each value on its own line");
        }
        if (c == '\'') {
            throw error(start, "values are written in double quotes, not single quotes");
        }
        if (c != '"') {
            throw error(start, "expected a value in double quotes, like \"Action\", found " + describe(start));
        }
        position++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw error(start, "the value's closing quote is missing");
            }
            char v = expression.charAt(position++);
            if (v == '\\' && !atEnd()) {
                value.append(expression.charAt(position++));
            } else if (v == '"') {
                break;
            } else {
                value.append(v);
            }
        }
        if (value.length() == 0) {
            throw error(start, "the value is empty");
        }
        return value.toString();
    }

    private void rejectKeyword(String word, int start) {
        String upper = word.toUpperCase(Locale.ROOT);
        switch (upper) {
            case "NOT" -> throw error(start, "NOT is not supported" + ONLY);
            case "IN" -> throw error(start, "IN is not supported" + ONLY + "; put each value on its own line");
            case "OR" -> throw error(start, "OR is not supported" + ONLY + "; put each alternative on its own line");
            case "BETWEEN", "LIKE", "IS" -> throw error(start, upper + " is not supported" + ONLY);
            default -> {
                // not a keyword
            }
        }
    }

    private String word() {
        int start = position;
        while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
            position++;
        }
        return expression.substring(start, position);
    }

    private String describe(int start) {
        if (start >= expression.length()) {
            return "the end of the expression";
        }
        int end = start;
        while (end < expression.length() && !Character.isWhitespace(expression.charAt(end)) && end - start < 20) {
            end++;
        }
        return "'" + expression.substring(start, Math.max(end, start + 1)) + "'";
    }

    private String queryable() {
        List<String> names = columns.queryableNames();
        return names.isEmpty() ? "none (the items dataset has no non-textual metadata column)" : String.join(", ", names);
    }

    private void skipSpaces() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            position++;
        }
    }

    private boolean atEnd() {
        return position >= expression.length();
    }

    private char peek() {
        return expression.charAt(position);
    }

    private QueryException error(int at, String problem) {
        return new QueryException(source, line, AttributeQuery.KEY, "at position " + at + ": " + problem);
    }
}
