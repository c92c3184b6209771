package io.contextualtargeting.local.statemachine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.contextualtargeting.local.statemachine.TestCloud.json;
import static org.assertj.core.api.Assertions.assertThat;

class InputOutputProcessingTest {
    @TempDir
    Path work;

    private ExecutionRecord runTask(String fields, String input) {
        TestCloud cloud = new TestCloud(work).function("echo", payload -> json("{\"got\":" + Json.text(payload) + "}"));
        return cloud.run("""
                {"StartAt":"T","States":{"T":{"Type":"Task",
                 "Resource":"arn:aws:lambda:local:000000000000:function:echo",%s "End":true}}}
                """.formatted(fields), input);
    }

    @Test
    void inputPathSelectsWhatTheTaskReceives() {
        ExecutionRecord run = runTask("\"InputPath\":\"$.a\",", "{\"a\":{\"x\":1},\"b\":2}");
        assertThat(run.output()).isEqualTo(json("{\"got\":{\"x\":1}}"));
    }

    @Test
    void nullInputPathGivesAnEmptyObject() {
        ExecutionRecord run = runTask("\"InputPath\":null,", "{\"a\":1}");
        assertThat(run.output()).isEqualTo(json("{\"got\":{}}"));
    }

    @Test
    void parametersResolvePathsContextAndIntrinsicsAndKeepLiterals() {
        ExecutionRecord run = runTask("""
                "Parameters":{"fixed":"v","n.$":"$.n","machine.$":"$$.StateMachine.Name",
                  "state.$":"$$.State.Name","text.$":"States.Format('n={}', $.n)","nested":{"list.$":"$.l"}},
                """, "{\"n\":3,\"l\":[1,2]}");
        assertThat(run.output()).isEqualTo(json("""
                {"got":{"fixed":"v","n":3,"machine":"test-machine","state":"T","text":"n=3","nested":{"list":[1,2]}}}"""));
    }

    @Test
    void resultSelectorThenResultPathPlaceTheResultInTheRawInput() {
        ExecutionRecord run = runTask("""
                "InputPath":"$.a","ResultSelector":{"value.$":"$.got.x"},"ResultPath":"$.result.deep",
                """, "{\"a\":{\"x\":5},\"keep\":true}");
        assertThat(run.output()).isEqualTo(json("{\"a\":{\"x\":5},\"keep\":true,\"result\":{\"deep\":{\"value\":5}}}"));
    }

    @Test
    void nullResultPathDiscardsTheResult() {
        ExecutionRecord run = runTask("\"ResultPath\":null,", "{\"a\":1}");
        assertThat(run.output()).isEqualTo(json("{\"a\":1}"));
    }

    @Test
    void outputPathFiltersTheCombinedOutput() {
        ExecutionRecord run = runTask("\"ResultPath\":\"$.r\",\"OutputPath\":\"$.r.got\",", "{\"a\":1}");
        assertThat(run.output()).isEqualTo(json("{\"a\":1}"));
    }

    @Test
    void pathMissingFromTheInputFailsWithStatesRuntime() {
        ExecutionRecord run = runTask("\"Parameters\":{\"x.$\":\"$.missing\"},", "{\"a\":1}");
        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.error()).isEqualTo("States.Runtime");
        assertThat(run.cause()).contains("x.$").contains("$.missing");
    }

    @Test
    void resultPathIntoAScalarFailsWithResultPathMatchFailure() {
        ExecutionRecord run = runTask("\"ResultPath\":\"$.a.b\",", "{\"a\":1}");
        assertThat(run.error()).isEqualTo("States.ResultPathMatchFailure");
    }

    @Test
    void passStateResultGoesToResultPathAndContextGivesExecutionFields() {
        TestCloud cloud = new TestCloud(work);
        ExecutionRecord run = cloud.run("""
                {"StartAt":"P","States":{
                 "P":{"Type":"Pass","Result":{"r":1},"ResultPath":"$.out","Next":"Q"},
                 "Q":{"Type":"Pass","Parameters":{"id.$":"$$.Execution.Id","in.$":"$$.Execution.Input",
                      "start.$":"$$.Execution.StartTime","state.$":"$$.State.Name","out.$":"$.out"},"End":true}}}
                """, "{\"x\":1}");
        assertThat(run.output().get("out")).isEqualTo(json("{\"r\":1}"));
        assertThat(run.output().get("id").asText()).isEqualTo(run.executionArn());
        assertThat(run.output().get("in")).isEqualTo(json("{\"x\":1}"));
        assertThat(run.output().get("start").asText()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(run.output().get("state").asText()).isEqualTo("Q");
    }

    @Test
    void indefinitePathSelectsAnArray() {
        TestCloud cloud = new TestCloud(work);
        ExecutionRecord run = cloud.run("""
                {"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"names.$":"$.items[?(@.n > 1)].name"},"End":true}}}
                """, "{\"items\":[{\"name\":\"a\",\"n\":1},{\"name\":\"b\",\"n\":2}]}");
        assertThat(run.output()).isEqualTo(json("{\"names\":[\"b\"]}"));
    }
}
