package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static io.contextualtargeting.local.statemachine.TestCloud.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cases where the local executor once departed from what executions recorded on AWS show (issue 11);
 * each runs a whole state machine through the executor.
 */
class AwsFidelityTest {
    private static final String BIG = "\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:local:000000000000:function:big\"";

    @TempDir
    Path work;

    private ExecutionRecord run(String asl, String input) {
        return new TestCloud(work).run(asl, input);
    }

    /** A task whose result is over the 256 KB limit, under a catcher of {@code errorName}. */
    private ExecutionRecord bigResultCaughtBy(String errorName) {
        TestCloud cloud = new TestCloud(work).function("big", payload -> json("\"" + "x".repeat(300_000) + "\""));
        return cloud.run("{\"StartAt\":\"T\",\"States\":{\"T\":{" + BIG + ","
                + "\"Catch\":[{\"ErrorEquals\":[\"" + errorName + "\"],\"Next\":\"Caught\"}],\"End\":true},"
                + "\"Caught\":{\"Type\":\"Pass\",\"End\":true}}}", "{}");
    }

    /** One Pass state with these Parameters (the inside of the object). */
    private ExecutionRecord passWithParameters(String parameters, String input) {
        return run("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Parameters\":{" + parameters
                + "},\"End\":true}}}", input);
    }

    /** The output of {@link #passWithParameters}, which must succeed. */
    private JsonNode passOutput(String parameters, String input) {
        ExecutionRecord run = passWithParameters(parameters, input);
        assertThat(run.error()).as(run.cause()).isNull();
        return run.output();
    }

    @Test
    void statesAllCatchesDataLimitExceeded() {
        ExecutionRecord run = bigResultCaughtBy("States.ALL");
        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output().get("Error").asText()).isEqualTo("States.DataLimitExceeded");
    }

    @Test
    void statesTaskFailedStillDoesNotCatchDataLimitExceeded() {
        ExecutionRecord run = bigResultCaughtBy("States.TaskFailed");
        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.error()).isEqualTo("States.DataLimitExceeded");
    }

    @Test
    void commentIsAllowedInRetryAndCatchEntries() {
        ExecutionRecord run = run("""
                {"StartAt":"F","States":{
                 "F":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"Boom","States":{
                       "Boom":{"Type":"Fail","Error":"Custom"}}},
                      "Retry":[{"Comment":"no retry for Custom","ErrorEquals":["Other"],"MaxAttempts":1}],
                      "Catch":[{"Comment":"to the handler","ErrorEquals":["Custom"],"ResultPath":"$.error","Next":"H"}],
                      "End":true},
                 "H":{"Type":"Pass","End":true}}}""", "{\"items\":[1]}");
        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output().get("error").get("Error").asText()).isEqualTo("Custom");
    }

    @Test
    void maxConcurrencyPathIsAllowedOnInlineMap() {
        String asl = """
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrencyPath":"$.limit",
                 "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""";
        ExecutionRecord run = run(asl, "{\"items\":[1,2],\"limit\":1}");
        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output()).isEqualTo(json("[1,2]"));

        ExecutionRecord bad = new TestCloud(work.resolve("second")).run(asl, "{\"items\":[1,2],\"limit\":\"one\"}");
        assertThat(bad.error()).isEqualTo("States.Runtime");
        assertThat(bad.cause()).contains("MaxConcurrencyPath");
    }

    @Test
    void wildcardOrSliceOverAMissingPathGivesAnEmptyArray() {
        JsonNode output = passOutput("""
                "all.$":"$.missing[*]","slice.$":"$.missing.deeper[0:2]","names.$":"$.items[*].name",
                "count.$":"States.ArrayLength($.missing[*])\"""", "{\"items\":[]}");
        assertThat(output).isEqualTo(json("{\"all\":[],\"slice\":[],\"names\":[],\"count\":0}"));
    }

    /** A definite path over a missing path, and $$.State.RetryCount outside the states that retry. */
    @ParameterizedTest
    @ValueSource(strings = {"\"x.$\":\"$.missing[0]\"", "\"r.$\":\"$$.State.RetryCount\""})
    void aDefinitePathThatSelectsNothingIsStillARuntimeError(String parameters) {
        assertThat(passWithParameters(parameters, "{}").error()).isEqualTo("States.Runtime");
    }

    @Test
    void mathAddAndMathRandomRoundNonIntegersHalfUp() {
        JsonNode output = passOutput("""
                "sum.$":"States.MathAdd($.a, $.b)","neg.$":"States.MathAdd(-1.5, 0)","down.$":"States.MathAdd(1.49, 0)",
                "random.$":"States.MathRandom($.a, $.b)\"""", "{\"a\":1.5,\"b\":2.5}");
        assertThat(output.get("sum").asInt()).isEqualTo(5);
        assertThat(output.get("neg").asInt()).isEqualTo(-2);
        assertThat(output.get("down").asInt()).isEqualTo(1);
        assertThat(output.get("random").asInt()).isEqualTo(2); // from 2 (1.5) to 3 (2.5), end excluded
    }

    @Test
    void formatWritesObjectAndArrayArgumentsAsAwsDoes() {
        JsonNode output = passOutput("\"text.$\":\"States.Format('{} and {}', $.obj, $.list)\"",
                "{\"obj\":{\"Arg1\":1,\"Arg2\":[]},\"list\":[\"a\",1,null,{\"k\":true}]}");
        assertThat(output.get("text").asText()).isEqualTo("{Arg1=1, Arg2=[]} and [a, 1, null, {k=true}]");
    }

    @Test
    void stateContextHasRetryCountOnlyInStatesThatRetry() {
        TestCloud cloud = new TestCloud(work).function("echo", payload -> payload);
        ExecutionRecord run = cloud.run("""
                {"StartAt":"P","States":{
                 "P":{"Type":"Pass","Parameters":{"state.$":"$$.State"},"ResultPath":"$.pass","Next":"T"},
                 "T":{"Type":"Task","Resource":"arn:aws:lambda:local:000000000000:function:echo",
                      "Parameters":{"state.$":"$$.State"},"ResultPath":"$.task","End":true}}}""", "{}");
        assertThat(run.output().get("pass").get("state").fieldNames()).toIterable()
                .containsExactly("Name", "EnteredTime");
        assertThat(run.output().get("task").get("state").fieldNames()).toIterable()
                .containsExactly("Name", "EnteredTime", "RetryCount");
        assertThat(run.output().at("/task/state/RetryCount").asInt()).isZero();
    }

    @Test
    void contextPathWithQuotedKeysHoldingEscapedQuotes() {
        JsonNode output = passOutput("""
                "single.$":"$$.Execution.Input['it\\\\'s']",
                "double.$":"$$['Execution']['Input'][\\"say \\\\\\"hi\\\\\\"\\"]",
                "format.$":"States.Format('{}, {}', $$.Execution.Input['it\\\\'s'], $$.Execution.Input[\\"say \\\\\\"hi\\\\\\"\\"])\"""",
                "{\"it's\":1,\"say \\\"hi\\\"\":2}");
        assertThat(output).isEqualTo(json("{\"single\":1,\"double\":2,\"format\":\"1, 2\"}"));
    }
}
