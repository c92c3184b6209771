package io.contextualtargeting.local.statemachine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.contextualtargeting.local.statemachine.TestCloud.json;
import static org.assertj.core.api.Assertions.assertThat;

class TaskIntegrationsTest {
    @TempDir
    Path work;

    @Test
    void lambdaInvokeWrapsTheOutputAsAwsReturnsIt() {
        TestCloud cloud = new TestCloud(work).function("describe", payload -> json("{\"status\":\"ACTIVE\"}"));
        ExecutionRecord run = cloud.run("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                 "Parameters":{"FunctionName":"arn:aws:lambda:local:000000000000:function:describe:$LATEST","Payload.$":"$"},
                 "End":true}}}""", "{\"job\":1}");
        assertThat(run.output().get("Payload")).isEqualTo(json("{\"status\":\"ACTIVE\"}"));
        assertThat(run.output().get("StatusCode").asInt()).isEqualTo(200);
        assertThat(run.output().get("ExecutedVersion").asText()).isEqualTo("$LATEST");
        assertThat(cloud.invocations).containsExactly("describe");
    }

    @Test
    void lambdaInvokeByPlainNameReachesTheFunction() {
        TestCloud cloud = new TestCloud(work).function("describe", payload -> payload);
        ExecutionRecord run = cloud.run("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                 "Parameters":{"FunctionName":"describe","Payload":{"a":1}},"OutputPath":"$.Payload","End":true}}}""", "{}");
        assertThat(run.output()).isEqualTo(json("{\"a\":1}"));
    }

    @Test
    void putEventsSendsEntriesWithObjectDetailToThePublisher() {
        TestCloud cloud = new TestCloud(work);
        ExecutionRecord run = cloud.run("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::events:putEvents",
                 "Parameters":{"Entries":[{"Source":"solutions.aws.personalize","DetailType":"Personalize Batch Segment Job State Change",
                   "Detail":{"Arn.$":"$.arn","Status":"ACTIVE"},"EventBusName":"bus"}]},"End":true}}}""", "{\"arn\":\"a1\"}");
        assertThat(cloud.events).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("solutions.aws.personalize");
            assertThat(e.detail()).isEqualTo(json("{\"Arn\":\"a1\",\"Status\":\"ACTIVE\"}"));
            assertThat(e.eventBusName()).isEqualTo("bus");
        });
        assertThat(run.output()).isEqualTo(json("{\"Entries\":[{\"EventId\":\"event-1\"}],\"FailedEntryCount\":0}"));
    }

    @Test
    void snsPublishSendsAnObjectMessageAsJsonText() {
        TestCloud cloud = new TestCloud(work);
        ExecutionRecord run = cloud.run("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sns:publish",
                 "Parameters":{"TopicArn":"arn:aws:sns:local:000000000000:t","Subject":"Done","Message.$":"$"},"End":true}}}""",
                "{\"ok\":true}");
        assertThat(cloud.messages).containsExactly(java.util.List.of("arn:aws:sns:local:000000000000:t", "Done",
                "{\"ok\":true}"));
        assertThat(run.output().get("MessageId").asText()).isEqualTo("message-1");
    }

    @Test
    void stateOverTheDataLimitFailsTheExecution() {
        TestCloud cloud = new TestCloud(work).function("big", payload -> json("\"" + "x".repeat(300_000) + "\""));
        ExecutionRecord run = cloud.run("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:local:000000000000:function:big",
                 "End":true}}}""", "{}");
        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(run.cause()).contains("262144");
    }

    @Test
    void resultOverTheLimitIsFineWhenResultSelectorKeepsStateSmallButRawResultIsStillChecked() {
        TestCloud cloud = new TestCloud(work).function("big", payload -> json("{\"blob\":\"" + "x".repeat(300_000) + "\",\"n\":1}"));
        ExecutionRecord run = cloud.run("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:local:000000000000:function:big",
                 "ResultSelector":{"n.$":"$.n"},"Catch":[{"ErrorEquals":["States.DataLimitExceeded"],"Next":"Caught"}],"End":true},
                 "Caught":{"Type":"Pass","Result":"caught","End":true}}}""", "{}");
        assertThat(run.output().asText()).isEqualTo("caught");
    }
}
