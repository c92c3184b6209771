package io.contextualtargeting.local.statemachine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.contextualtargeting.local.statemachine.TestCloud.json;
import static org.assertj.core.api.Assertions.assertThat;

class MapAndParallelTest {
    @TempDir
    Path work;

    @Test
    void mapRunsTheProcessorPerItemWithItemSelectorAndContext() {
        ExecutionRecord run = new TestCloud(work).run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.segments","MaxConcurrency":2,
                 "ItemSelector":{"name.$":"$$.Map.Item.Value.name","index.$":"$$.Map.Item.Index","bucket.$":"$.bucket"},
                 "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Tag","States":{
                   "Tag":{"Type":"Pass","Parameters":{"file.$":"States.Format('{}/{}.csv', $.bucket, $.name)","i.$":"$.index"},"End":true}}},
                 "ResultPath":"$.files","End":true}}}""",
                "{\"bucket\":\"b\",\"segments\":[{\"name\":\"action\"},{\"name\":\"drama\"}]}");
        assertThat(run.output().get("files")).isEqualTo(json("[{\"file\":\"b/action.csv\",\"i\":0},{\"file\":\"b/drama.csv\",\"i\":1}]"));
        assertThat(run.events()).extracting(HistoryEvent::type)
                .containsSubsequence("MapStateStarted", "MapIterationStarted", "PassStateEntered",
                        "MapIterationSucceeded", "MapIterationStarted", "MapIterationSucceeded", "MapStateSucceeded");
    }

    @Test
    void legacyIteratorAndParametersStillWork() {
        ExecutionRecord run = new TestCloud(work).run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","Parameters":{"v.$":"$$.Map.Item.Value"},
                 "Iterator":{"StartAt":"P","States":{"P":{"Type":"Pass","OutputPath":"$.v","End":true}}},
                 "ResultSelector":{"count.$":"States.ArrayLength($)"},"End":true}}}""", "[3,4,5]");
        assertThat(run.output()).isEqualTo(json("{\"count\":3}"));
    }

    @Test
    void failingIterationStopsTheMapAndFailsTheExecutionWithItsError() {
        TestCloud cloud = new TestCloud(work).function("check", payload -> {
            if (payload.asInt() == 2) {
                throw new IllegalArgumentException("item 2 is bad");
            }
            return payload;
        });
        ExecutionRecord run = cloud.run("""
                {"StartAt":"M","States":{"M":{"Type":"Map",
                 "ItemProcessor":{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:local:000000000000:function:check","End":true}}},
                 "End":true}}}""", "[1,2,3]");
        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.error()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(cloud.invocations).hasSize(2);
        assertThat(run.events()).extracting(HistoryEvent::type).contains("MapIterationFailed", "MapStateFailed");
    }

    @Test
    void mapCatchPutsTheIterationErrorAtResultPath() {
        TestCloud cloud = new TestCloud(work).function("check", payload -> {
            throw new IllegalArgumentException("bad " + payload.asInt());
        });
        ExecutionRecord run = cloud.run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items",
                 "ItemProcessor":{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:local:000000000000:function:check","End":true}}},
                 "Catch":[{"ErrorEquals":["java.lang.IllegalArgumentException"],"ResultPath":"$.error","Next":"Done"}],"End":true},
                 "Done":{"Type":"Pass","OutputPath":"$.error.Error","End":true}}}""", "{\"items\":[1,2]}");
        assertThat(run.output().asText()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(cloud.invocations).hasSize(1);
    }

    @Test
    void parallelGivesOneOutputPerBranchInOrder() {
        ExecutionRecord run = new TestCloud(work).run("""
                {"StartAt":"P","States":{"P":{"Type":"Parallel","Parameters":{"n.$":"$.n"},"Branches":[
                  {"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"a.$":"States.MathAdd($.n, 1)"},"End":true}}},
                  {"StartAt":"B","States":{"B":{"Type":"Succeed","OutputPath":"$.n"}}}],
                 "ResultPath":"$.results","End":true}}}""", "{\"n\":1}");
        assertThat(run.output()).isEqualTo(json("{\"n\":1,\"results\":[{\"a\":2},1]}"));
    }

    @Test
    void failingBranchFailsTheParallelStateWithTheBranchError() {
        ExecutionRecord run = new TestCloud(work).run("""
                {"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[
                  {"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},
                  {"StartAt":"B","States":{"B":{"Type":"Fail","Error":"Branch.Broken","Cause":"b"}}}],
                 "Retry":[{"ErrorEquals":["Branch.Broken"],"MaxAttempts":1}],"End":true}}}""", "{}");
        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.error()).isEqualTo("Branch.Broken");
        assertThat(run.events()).filteredOn(e -> e.type().equals("ParallelStateFailed")).hasSize(2);
    }
}
