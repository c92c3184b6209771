package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed intrinsic function call such as {@code States.Format('{} items', $.count)}. Arguments are
 * string, number, boolean or null literals, paths, or nested calls. Names are checked at load time.
 */
public record IntrinsicCall(String name, List<Argument> arguments) {

    /** One argument of a call. */
    public sealed interface Argument permits Literal, StringLiteral, Path, Call {
    }

    /** A number, boolean or null literal. */
    public record Literal(JsonNode value) implements Argument {
    }

    /** A quoted string, kept with its escapes so that States.Format can tell {@code \{} from {@code {}}. */
    public record StringLiteral(String raw) implements Argument {
        /** The string with {@code \'}, {@code \{}, {@code \}} and {@code \\} unescaped. */
        public String value() {
            StringBuilder out = new StringBuilder(raw.length());
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '\\' && i + 1 < raw.length()) {
                    c = raw.charAt(++i);
                }
                out.append(c);
            }
            return out.toString();
        }
    }

    /** A path argument ({@code $.x} or {@code $$.x}). */
    public record Path(PathExpression path) implements Argument {
    }

    /** A nested call. */
    public record Call(IntrinsicCall call) implements Argument {
    }

    /** Whether {@code text} is written as an intrinsic function call. */
    public static boolean isCall(String text) {
        return text.startsWith("States.") && text.trim().endsWith(")");
    }

    /** Parses a call; a syntax error or an unknown function is an IllegalArgumentException. */
    public static IntrinsicCall parse(String text) {
        Parser parser = new Parser(text.trim());
        IntrinsicCall call = parser.call();
        parser.skipSpaces();
        if (parser.pos != parser.text.length()) {
            throw parser.error("unexpected text after the closing parenthesis");
        }
        return call;
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        IntrinsicCall call() {
            int open = text.indexOf('(', pos);
            if (open < 0) {
                throw error("expected '('");
            }
            String name = text.substring(pos, open).trim();
            if (!IntrinsicFunctions.NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown intrinsic function '" + name + "' in " + text
                        + " (known: " + String.join(", ", IntrinsicFunctions.NAMES) + ")");
            }
            pos = open + 1;
            List<Argument> arguments = new ArrayList<>();
            skipSpaces();
            if (peek() == ')') {
                pos++;
                return new IntrinsicCall(name, List.copyOf(arguments));
            }
            while (true) {
                skipSpaces();
                arguments.add(argument());
                skipSpaces();
                char c = peek();
                pos++;
                if (c == ')') {
                    return new IntrinsicCall(name, List.copyOf(arguments));
                }
                if (c != ',') {
                    throw error("expected ',' or ')'");
                }
            }
        }

        private Argument argument() {
            char c = peek();
            if (c == '\'') {
                return stringLiteral();
            }
            if (c == '$') {
                return new Path(PathExpression.compile(pathText()));
            }
            if (text.startsWith("States.", pos)) {
                return new Call(call());
            }
            String word = pathText().trim();
            return switch (word) {
                case "true" -> new Literal(JsonNodeFactory.instance.booleanNode(true));
                case "false" -> new Literal(JsonNodeFactory.instance.booleanNode(false));
                case "null" -> new Literal(JsonNodeFactory.instance.nullNode());
                default -> new Literal(number(word));
            };
        }

        private JsonNode number(String word) {
            try {
                BigDecimal value = new BigDecimal(word);
                if (value.scale() > 0) {
                    return DecimalNode.valueOf(value);
                }
                long integral = value.longValueExact();
                // int when it fits, as a JSON parser reads it, so that equal values compare equal
                return integral == (int) integral ? JsonNodeFactory.instance.numberNode((int) integral)
                        : JsonNodeFactory.instance.numberNode(integral);
            } catch (NumberFormatException | ArithmeticException e) {
                throw error("'" + word + "' is not a string, number, boolean, null, path or call");
            }
        }

        private StringLiteral stringLiteral() {
            int start = ++pos;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '\\') {
                    pos += 2;
                    continue;
                }
                if (c == '\'') {
                    return new StringLiteral(text.substring(start, pos++));
                }
                pos++;
            }
            throw error("unterminated string");
        }

        /** A path or a bare word ends at a top-level ',' or ')'; brackets and quotes may contain both. */
        private String pathText() {
            int start = pos;
            int depth = 0;
            char quote = 0;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (quote != 0) {
                    if (c == '\\') {
                        pos++; // an escaped character, \' or \" among them, does not end the quoted key
                    } else if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '[' || c == '(') {
                    depth++;
                } else if ((c == ']' || c == ')') && depth > 0) {
                    depth--;
                } else if ((c == ',' || c == ')') && depth == 0) {
                    break;
                }
                pos++;
            }
            return text.substring(start, pos).trim();
        }

        void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private char peek() {
            if (pos >= text.length()) {
                throw error("unexpected end");
            }
            return text.charAt(pos);
        }

        IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("invalid intrinsic function call " + text + " at position "
                    + pos + ": " + problem);
        }
    }
}
