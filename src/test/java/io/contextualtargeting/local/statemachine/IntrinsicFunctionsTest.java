package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Random;
import java.util.UUID;

import static io.contextualtargeting.local.statemachine.TestCloud.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntrinsicFunctionsTest {
    private static final JsonNode INPUT = json("""
            {"name":"Ana","n":3,"list":[1,2,2,3],"csv":"a,b;c","json":"{\\"k\\":1}","obj":{"a":1},"other":{"b":2}}""");
    private final IntrinsicFunctions functions = new IntrinsicFunctions(new ExecutionEnvironment(Clock.systemUTC(),
            d -> { }, () -> new UUID(1, 2), new Random(3)));

    private JsonNode eval(String call) {
        return functions.evaluate(IntrinsicCall.parse(call), INPUT, json("{\"Execution\":{\"Name\":\"run-1\"}}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "States.Format('Hello {}, you have {} items', $.name, $.n)|\"Hello Ana, you have 3 items\"",
            "States.Format('literal \\{\\} and \\'quote\\'')|\"literal {} and 'quote'\"",
            "States.Format('run {}', $$.Execution.Name)|\"run run-1\"",
            "States.StringToJson($.json)|{\"k\":1}",
            "States.JsonToString($.obj)|\"{\\\"a\\\":1}\"",
            "States.Array(1, 'two', $.n, null, true)|[1,\"two\",3,null,true]",
            "States.ArrayPartition($.list, 3)|[[1,2,2],[3]]",
            "States.ArrayContains($.list, 3)|true",
            "States.ArrayContains($.list, 9)|false",
            "States.ArrayRange(1, 9, 3)|[1,4,7]",
            "States.ArrayGetItem($.list, 3)|3",
            "States.ArrayLength($.list)|4",
            "States.ArrayUnique($.list)|[1,2,3]",
            "States.Base64Encode('Data to encode')|\"RGF0YSB0byBlbmNvZGU=\"",
            "States.Base64Decode('RGF0YSB0byBlbmNvZGU=')|\"Data to encode\"",
            "States.Hash('input data', 'SHA-1')|\"aaff4a450a104cd177d28d18d74485e8cae074b7\"",
            "States.JsonMerge($.obj, $.other, false)|{\"a\":1,\"b\":2}",
            "States.MathAdd($.n, -5)|-2",
            "States.StringSplit($.csv, ',;')|[\"a\",\"b\",\"c\"]",
            "States.UUID()|\"00000000-0000-0001-0000-000000000002\"",
            "States.ArrayLength(States.Array(1, 2))|2"})
    void functionGivesTheDocumentedResult(String call, String expected) {
        assertThat(eval(call)).isEqualTo(json(expected));
    }

    @Test
    void mathRandomWithASeedIsRepeatableAndWithinBounds() {
        JsonNode first = eval("States.MathRandom(1, 100, 42)");
        assertThat(eval("States.MathRandom(1, 100, 42)")).isEqualTo(first);
        assertThat(first.asInt()).isBetween(1, 99);
        assertThat(eval("States.MathRandom(5, 6)").asInt()).isEqualTo(5);
    }

    @Test
    void badArgumentIsAnIntrinsicFailure() {
        assertThatThrownBy(() -> eval("States.StringToJson($.name)"))
                .isInstanceOfSatisfying(StatesError.class, e -> assertThat(e.error()).isEqualTo("States.IntrinsicFailure"));
        assertThatThrownBy(() -> eval("States.ArrayGetItem($.list, 10)"))
                .isInstanceOfSatisfying(StatesError.class, e -> assertThat(e.cause()).contains("index 10"));
        assertThatThrownBy(() -> eval("States.Format('{} {}', $.n)"))
                .isInstanceOfSatisfying(StatesError.class, e -> assertThat(e.cause()).contains("more {} than arguments"));
    }

    @Test
    void unknownFunctionIsRejectedWhenParsed() {
        assertThatThrownBy(() -> IntrinsicCall.parse("States.Nope($.a)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown intrinsic function 'States.Nope'");
    }
}
