package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringTokenizer;

/**
 * Evaluates the States.* intrinsic functions as the Step Functions documentation defines them. A
 * bad argument is a States.IntrinsicFailure (catchable), as on AWS.
 */
public final class IntrinsicFunctions {
    static final Set<String> NAMES = Set.of("States.Format", "States.StringToJson", "States.JsonToString",
            "States.Array", "States.ArrayPartition", "States.ArrayContains", "States.ArrayRange",
            "States.ArrayGetItem", "States.ArrayLength", "States.ArrayUnique", "States.Base64Encode",
            "States.Base64Decode", "States.Hash", "States.JsonMerge", "States.MathRandom", "States.MathAdd",
            "States.StringSplit", "States.UUID");
    private static final Map<String, String> HASH_ALGORITHMS = Map.of("MD5", "MD5", "SHA-1", "SHA-1",
            "SHA-256", "SHA-256", "SHA-384", "SHA-384", "SHA-512", "SHA-512");
    private static final int MAX_BASE64_INPUT = 10_000;
    private static final int MAX_ARRAY_RANGE = 1_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ExecutionEnvironment environment;

    public IntrinsicFunctions(ExecutionEnvironment environment) {
        this.environment = environment;
    }

    public JsonNode evaluate(IntrinsicCall call, JsonNode input, JsonNode context) {
        List<JsonNode> args = new ArrayList<>();
        for (IntrinsicCall.Argument argument : call.arguments()) {
            args.add(argumentValue(argument, input, context));
        }
        String name = call.name();
        return switch (name) {
            case "States.Format" -> format(call, args);
            case "States.StringToJson" -> stringToJson(name, args);
            case "States.JsonToString" -> NODES.textNode(Json.text(arg(name, args, 0, 1)));
            case "States.Array" -> NODES.arrayNode().addAll(args);
            case "States.ArrayPartition" -> arrayPartition(name, args);
            case "States.ArrayContains" -> NODES.booleanNode(contains(array(name, args, 0, 2), args.get(1)));
            case "States.ArrayRange" -> arrayRange(name, args);
            case "States.ArrayGetItem" -> arrayGetItem(name, args);
            case "States.ArrayLength" -> NODES.numberNode(array(name, args, 0, 1).size());
            case "States.ArrayUnique" -> arrayUnique(name, args);
            case "States.Base64Encode" -> base64Encode(name, args);
            case "States.Base64Decode" -> base64Decode(name, args);
            case "States.Hash" -> hash(name, args);
            case "States.JsonMerge" -> jsonMerge(name, args);
            case "States.MathRandom" -> mathRandom(name, args);
            case "States.MathAdd" -> integral(rounded(name, args, 0, 2) + rounded(name, args, 1, 2));
            case "States.StringSplit" -> stringSplit(name, args);
            case "States.UUID" -> uuid(name, args);
            default -> throw StatesError.intrinsicFailure("unknown intrinsic function " + name);
        };
    }

    private JsonNode argumentValue(IntrinsicCall.Argument argument, JsonNode input, JsonNode context) {
        if (argument instanceof IntrinsicCall.Literal literal) {
            return literal.value();
        }
        if (argument instanceof IntrinsicCall.StringLiteral string) {
            return NODES.textNode(string.value());
        }
        if (argument instanceof IntrinsicCall.Path path) {
            return path.path().read(input, context);
        }
        return evaluate(((IntrinsicCall.Call) argument).call(), input, context);
    }

    private static JsonNode format(IntrinsicCall call, List<JsonNode> args) {
        if (args.isEmpty() || !(call.arguments().get(0) instanceof IntrinsicCall.StringLiteral template)) {
            throw StatesError.intrinsicFailure("States.Format needs a string literal template as first argument");
        }
        StringBuilder out = new StringBuilder();
        String raw = template.raw();
        int next = 1;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                out.append(raw.charAt(++i));
            } else if (c == '{' && i + 1 < raw.length() && raw.charAt(i + 1) == '}') {
                if (next >= args.size()) {
                    throw StatesError.intrinsicFailure("States.Format: the template has more {} than arguments");
                }
                out.append(formatArgument(args.get(next++)));
                i++;
            } else {
                out.append(c);
            }
        }
        if (next != args.size()) {
            throw StatesError.intrinsicFailure("States.Format: " + (args.size() - 1) + " arguments for "
                    + (next - 1) + " placeholders");
        }
        return NODES.textNode(out.toString());
    }

    /**
     * How States.Format writes an argument, as executions recorded on AWS show it: a string as it is, an
     * array as {@code [a, b]}, an object as {@code {key=value, other=[]}} (elements written the same way),
     * numbers, booleans and null as in JSON. {"Arg1": 1, "Arg2": []} gives {Arg1=1, Arg2=[]}.
     */
    static String formatArgument(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isArray()) {
            List<String> elements = new ArrayList<>();
            value.forEach(element -> elements.add(formatArgument(element)));
            return "[" + String.join(", ", elements) + "]";
        }
        if (value.isObject()) {
            List<String> entries = new ArrayList<>();
            value.fields().forEachRemaining(e -> entries.add(e.getKey() + "=" + formatArgument(e.getValue())));
            return "{" + String.join(", ", entries) + "}";
        }
        return Json.text(value);
    }

    private static JsonNode stringToJson(String name, List<JsonNode> args) {
        try {
            return Json.parse(string(name, args, 0, 1));
        } catch (IllegalArgumentException e) {
            throw StatesError.intrinsicFailure(name + ": the argument is not JSON text: " + e.getMessage());
        }
    }

    private static JsonNode arrayPartition(String name, List<JsonNode> args) {
        ArrayNode array = array(name, args, 0, 2);
        long size = integer(name, args, 1, 2);
        if (size <= 0) {
            throw StatesError.intrinsicFailure(name + ": the chunk size must be a positive integer, got " + size);
        }
        ArrayNode chunks = NODES.arrayNode();
        ArrayNode chunk = null;
        for (int i = 0; i < array.size(); i++) {
            if (i % size == 0) {
                chunk = chunks.addArray();
            }
            chunk.add(array.get(i));
        }
        return chunks;
    }

    private static boolean contains(ArrayNode array, JsonNode value) {
        for (JsonNode element : array) {
            if (element.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode arrayRange(String name, List<JsonNode> args) {
        long start = integer(name, args, 0, 3);
        long end = integer(name, args, 1, 3);
        long step = integer(name, args, 2, 3);
        if (step == 0) {
            throw StatesError.intrinsicFailure(name + ": the step must not be 0");
        }
        ArrayNode range = NODES.arrayNode();
        for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
            if (range.size() == MAX_ARRAY_RANGE) {
                throw StatesError.intrinsicFailure(name + ": a range may hold at most " + MAX_ARRAY_RANGE + " items");
            }
            range.add(integral(v));
        }
        return range;
    }

    private static JsonNode arrayGetItem(String name, List<JsonNode> args) {
        ArrayNode array = array(name, args, 0, 2);
        long index = integer(name, args, 1, 2);
        if (index < 0 || index >= array.size()) {
            throw StatesError.intrinsicFailure(name + ": index " + index + " is outside the array of " + array.size());
        }
        return array.get((int) index);
    }

    private static JsonNode arrayUnique(String name, List<JsonNode> args) {
        ArrayNode unique = NODES.arrayNode();
        new LinkedHashSet<>(toList(array(name, args, 0, 1))).forEach(unique::add);
        return unique;
    }

    private static List<JsonNode> toList(ArrayNode array) {
        List<JsonNode> list = new ArrayList<>(array.size());
        array.forEach(list::add);
        return list;
    }

    private static JsonNode base64Encode(String name, List<JsonNode> args) {
        String value = string(name, args, 0, 1);
        if (value.length() > MAX_BASE64_INPUT) {
            throw StatesError.intrinsicFailure(name + ": the input exceeds " + MAX_BASE64_INPUT + " characters");
        }
        return NODES.textNode(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode base64Decode(String name, List<JsonNode> args) {
        String value = string(name, args, 0, 1);
        if (value.length() > MAX_BASE64_INPUT) {
            throw StatesError.intrinsicFailure(name + ": the input exceeds " + MAX_BASE64_INPUT + " characters");
        }
        try {
            return NODES.textNode(new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw StatesError.intrinsicFailure(name + ": not Base64: " + e.getMessage());
        }
    }

    private static JsonNode hash(String name, List<JsonNode> args) {
        JsonNode data = arg(name, args, 0, 2);
        String algorithm = HASH_ALGORITHMS.get(string(name, args, 1, 2));
        if (algorithm == null) {
            throw StatesError.intrinsicFailure(name + ": the algorithm must be one of " + HASH_ALGORITHMS.keySet());
        }
        String text = data.isTextual() ? data.textValue() : Json.text(data);
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
            return NODES.textNode(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks " + algorithm, e);
        }
    }

    private static JsonNode jsonMerge(String name, List<JsonNode> args) {
        JsonNode first = arg(name, args, 0, 3);
        JsonNode second = args.get(1);
        JsonNode deep = args.get(2);
        if (!first.isObject() || !second.isObject()) {
            throw StatesError.intrinsicFailure(name + ": both arguments must be JSON objects");
        }
        if (!deep.isBoolean() || deep.booleanValue()) {
            throw StatesError.intrinsicFailure(name + ": only shallow merging is supported; the third argument must be false");
        }
        ObjectNode merged = ((ObjectNode) first).deepCopy();
        merged.setAll((ObjectNode) second);
        return merged;
    }

    private JsonNode mathRandom(String name, List<JsonNode> args) {
        if (args.size() != 2 && args.size() != 3) {
            throw StatesError.intrinsicFailure(name + " takes 2 or 3 arguments, got " + args.size());
        }
        long start = rounded(name, args, 0, args.size());
        long end = rounded(name, args, 1, args.size());
        if (end <= start) {
            throw StatesError.intrinsicFailure(name + ": the end must be greater than the start");
        }
        if (args.size() == 3) {
            return integral(new Random(rounded(name, args, 2, 3)).nextLong(start, end));
        }
        return integral(environment.random().nextLong(start, end));
    }

    private static JsonNode stringSplit(String name, List<JsonNode> args) {
        StringTokenizer tokens = new StringTokenizer(string(name, args, 0, 2), string(name, args, 1, 2));
        ArrayNode parts = NODES.arrayNode();
        while (tokens.hasMoreTokens()) {
            parts.add(tokens.nextToken());
        }
        return parts;
    }

    private JsonNode uuid(String name, List<JsonNode> args) {
        if (!args.isEmpty()) {
            throw StatesError.intrinsicFailure(name + " takes no arguments");
        }
        return TextNode.valueOf(environment.uuids().get().toString());
    }

    /** An int node when the value fits, as a JSON parser would read it, so results compare equal. */
    private static JsonNode integral(long value) {
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }

    private static JsonNode arg(String name, List<JsonNode> args, int index, int expectedCount) {
        if (args.size() != expectedCount) {
            throw StatesError.intrinsicFailure(name + " takes " + expectedCount + " argument"
                    + (expectedCount == 1 ? "" : "s") + ", got " + args.size());
        }
        return args.get(index);
    }

    private static String string(String name, List<JsonNode> args, int index, int expectedCount) {
        JsonNode value = arg(name, args, index, expectedCount);
        if (!value.isTextual()) {
            throw StatesError.intrinsicFailure(name + ": argument " + (index + 1) + " must be a string, got "
                    + Abbreviation.of(value));
        }
        return value.textValue();
    }

    private static ArrayNode array(String name, List<JsonNode> args, int index, int expectedCount) {
        JsonNode value = arg(name, args, index, expectedCount);
        if (!value.isArray()) {
            throw StatesError.intrinsicFailure(name + ": argument " + (index + 1) + " must be an array, got "
                    + Abbreviation.of(value));
        }
        return (ArrayNode) value;
    }

    /**
     * A number argument rounded half up to an integer, as States.MathAdd and States.MathRandom take it
     * ("Step Functions rounds a non-integer value to the nearest integer"): 1.5 gives 2, -1.5 gives -2.
     */
    private static long rounded(String name, List<JsonNode> args, int index, int expectedCount) {
        JsonNode value = arg(name, args, index, expectedCount);
        if (!value.isNumber()) {
            throw StatesError.intrinsicFailure(name + ": argument " + (index + 1) + " must be a number, got "
                    + Abbreviation.of(value));
        }
        try {
            return value.decimalValue().setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            throw StatesError.intrinsicFailure(name + ": argument " + (index + 1) + " is out of range: "
                    + Abbreviation.of(value));
        }
    }

    private static long integer(String name, List<JsonNode> args, int index, int expectedCount) {
        JsonNode value = arg(name, args, index, expectedCount);
        if (!value.isIntegralNumber() && !(value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0)) {
            throw StatesError.intrinsicFailure(name + ": argument " + (index + 1) + " must be an integer, got "
                    + Abbreviation.of(value));
        }
        return value.longValue();
    }
}
