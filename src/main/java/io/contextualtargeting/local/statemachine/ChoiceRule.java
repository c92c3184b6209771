package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A Choice rule: a comparison of a Variable, or And / Or / Not of rules. A Variable (or a
 * {@code ...Path} operand) that selects nothing is a States.Runtime error, except for IsPresent;
 * a value of the wrong type makes a comparison false, as on AWS.
 */
public sealed interface ChoiceRule {

    boolean test(JsonNode input, JsonNode context);

    /** A top-level rule and the state it leads to. */
    record Branch(ChoiceRule rule, String next) {
    }

    /** All rules hold. */
    record And(List<ChoiceRule> rules) implements ChoiceRule {
        public boolean test(JsonNode input, JsonNode context) {
            return rules.stream().allMatch(r -> r.test(input, context));
        }
    }

    /** At least one rule holds. */
    record Or(List<ChoiceRule> rules) implements ChoiceRule {
        public boolean test(JsonNode input, JsonNode context) {
            return rules.stream().anyMatch(r -> r.test(input, context));
        }
    }

    /** The rule does not hold. */
    record Not(ChoiceRule rule) implements ChoiceRule {
        public boolean test(JsonNode input, JsonNode context) {
            return !rule.test(input, context);
        }
    }

    /** {@code Variable} compared by {@code operator} to a literal or (for ...Path operators) a path. */
    record Comparison(PathExpression variable, Operator operator, JsonNode literal, PathExpression operandPath)
            implements ChoiceRule {

        public boolean test(JsonNode input, JsonNode context) {
            if (operator == Operator.IS_PRESENT) {
                boolean present = variable.readIfPresent(input, context) != null;
                return present == literal.booleanValue();
            }
            JsonNode value = variable.read(input, context);
            JsonNode operand = operandPath == null ? literal : operandPath.read(input, context);
            return operator.test(value, operand);
        }
    }

    /** The comparison operators; the {@code ...Path} spelling of each is the same operator. */
    enum Operator {
        STRING_EQUALS("StringEquals", Kind.STRING, 0, 0),
        STRING_LESS_THAN("StringLessThan", Kind.STRING, -1, -1),
        STRING_GREATER_THAN("StringGreaterThan", Kind.STRING, 1, 1),
        STRING_LESS_THAN_EQUALS("StringLessThanEquals", Kind.STRING, -1, 0),
        STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Kind.STRING, 0, 1),
        STRING_MATCHES("StringMatches", Kind.MATCH, 0, 0),
        NUMERIC_EQUALS("NumericEquals", Kind.NUMBER, 0, 0),
        NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMBER, -1, -1),
        NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMBER, 1, 1),
        NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMBER, -1, 0),
        NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMBER, 0, 1),
        BOOLEAN_EQUALS("BooleanEquals", Kind.BOOLEAN, 0, 0),
        TIMESTAMP_EQUALS("TimestampEquals", Kind.TIMESTAMP, 0, 0),
        TIMESTAMP_LESS_THAN("TimestampLessThan", Kind.TIMESTAMP, -1, -1),
        TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Kind.TIMESTAMP, 1, 1),
        TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Kind.TIMESTAMP, -1, 0),
        TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Kind.TIMESTAMP, 0, 1),
        IS_NULL("IsNull", Kind.TYPE_TEST, 0, 0),
        IS_PRESENT("IsPresent", Kind.TYPE_TEST, 0, 0),
        IS_NUMERIC("IsNumeric", Kind.TYPE_TEST, 0, 0),
        IS_STRING("IsString", Kind.TYPE_TEST, 0, 0),
        IS_BOOLEAN("IsBoolean", Kind.TYPE_TEST, 0, 0),
        IS_TIMESTAMP("IsTimestamp", Kind.TYPE_TEST, 0, 0);

        private final String aslName;
        private final Kind kind;
        private final int lowestOrder;
        private final int highestOrder;

        Operator(String aslName, Kind kind, int lowestOrder, int highestOrder) {
            this.aslName = aslName;
            this.kind = kind;
            this.lowestOrder = lowestOrder;
            this.highestOrder = highestOrder;
        }

        public String aslName() {
            return aslName;
        }

        /** Whether a {@code <name>Path} variant exists (type tests and StringMatches have none). */
        public boolean hasPathVariant() {
            return kind != Kind.TYPE_TEST && kind != Kind.MATCH;
        }

        /** The kind of literal operand the operator takes. */
        public boolean acceptsLiteral(JsonNode operand) {
            return switch (kind) {
                case STRING, MATCH, TIMESTAMP -> operand.isTextual()
                        && (kind != Kind.TIMESTAMP || timestamp(operand) != null);
                case NUMBER -> operand.isNumber();
                case BOOLEAN, TYPE_TEST -> operand.isBoolean();
            };
        }

        /** The operator named {@code field}, or its Path variant; null when there is none. */
        static Operator byField(String field) {
            for (Operator operator : values()) {
                if (operator.aslName.equals(field)) {
                    return operator;
                }
                if (operator.hasPathVariant() && (operator.aslName + "Path").equals(field)) {
                    return operator;
                }
            }
            return null;
        }

        boolean test(JsonNode value, JsonNode operand) {
            return switch (kind) {
                case STRING -> value.isTextual() && operand.isTextual()
                        && ordered(value.textValue().compareTo(operand.textValue()));
                case MATCH -> value.isTextual() && matches(value.textValue(), operand.textValue());
                case NUMBER -> value.isNumber() && operand.isNumber()
                        && ordered(value.decimalValue().compareTo(operand.decimalValue()));
                case BOOLEAN -> value.isBoolean() && operand.isBoolean()
                        && value.booleanValue() == operand.booleanValue();
                case TIMESTAMP -> compareTimestamps(value, operand);
                case TYPE_TEST -> typeTest(value) == operand.booleanValue();
            };
        }

        private boolean ordered(int comparison) {
            int sign = Integer.signum(comparison);
            return sign >= lowestOrder && sign <= highestOrder;
        }

        private boolean compareTimestamps(JsonNode value, JsonNode operand) {
            OffsetDateTime left = timestamp(value);
            OffsetDateTime right = timestamp(operand);
            return left != null && right != null && ordered(left.toInstant().compareTo(right.toInstant()));
        }

        private boolean typeTest(JsonNode value) {
            return switch (this) {
                case IS_NULL -> value.isNull();
                case IS_NUMERIC -> value.isNumber();
                case IS_STRING -> value.isTextual();
                case IS_BOOLEAN -> value.isBoolean();
                case IS_TIMESTAMP -> timestamp(value) != null;
                default -> throw new IllegalStateException(aslName + " is not a type test");
            };
        }

        private static OffsetDateTime timestamp(JsonNode value) {
            if (!value.isTextual()) {
                return null;
            }
            try {
                return OffsetDateTime.parse(value.textValue());
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        /** StringMatches: {@code *} matches any run of characters, {@code \*} a literal star. */
        static boolean matches(String value, String pattern) {
            StringBuilder regex = new StringBuilder();
            StringBuilder literal = new StringBuilder();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '\\' && i + 1 < pattern.length()) {
                    literal.append(pattern.charAt(++i));
                } else if (c == '*') {
                    regex.append(java.util.regex.Pattern.quote(literal.toString())).append(".*");
                    literal.setLength(0);
                } else {
                    literal.append(c);
                }
            }
            regex.append(java.util.regex.Pattern.quote(literal.toString()));
            return value.matches("(?s)" + regex);
        }

        private enum Kind { STRING, MATCH, NUMBER, BOOLEAN, TIMESTAMP, TYPE_TEST }
    }
}
