package io.contextualtargeting.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.local.statemachine.Json;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateLoaderTest {
    private static final TemplateSource FIXTURES = TemplateSource.classpath("local/cloudformation/");

    private static CloudModel load(Map<String, String> parameters) {
        return new TemplateLoader(FIXTURES).load("template.yaml", "ct", parameters);
    }

    private static String output(CloudModel model, String name) {
        return model.root().outputs().get(name).asText();
    }

    @Test
    void rootStackComesFirstThenTheNestedStackNamedAfterItsParent() {
        CloudModel model = load(Map.of());
        assertThat(model.stacks()).extracting(CloudModel.Stack::name).containsExactly("ct", "ct-Training");
        assertThat(model.stacks().get(1).template()).isEqualTo("templates/training.yaml");
    }

    @Test
    void functionEnvironmentHasGlobalsAndResolvedIntrinsics() {
        CloudModel.LambdaFunction function = load(Map.of()).function("ct-import").orElseThrow();
        assertThat(function.arn()).isEqualTo("arn:aws:lambda:local:000000000000:function:ct-import");
        assertThat(function.handler()).hasValue("import");
        assertThat(function.environment()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "DISABLE_SIGNAL_HANDLERS", "true", "STAGE", "dev", "QUARKUS_LAMBDA_HANDLER", "import",
                "BUCKET", "ct-data-000000000000", "PREFIX", "pinpoint/", "FIRST_SIZE", "small",
                "DOMAIN", "ct-data-000000000000.s3.amazonaws.com", "ENCODED", "aGVsbG8=", "PART", "b"));
        assertThat(function.timeoutSeconds()).isEqualTo(300);
        assertThat(function.memorySize()).isEqualTo(512);
    }

    @Test
    void parameterOverridesFlowThroughConditionsAndMappings() {
        CloudModel model = load(Map.of("Email", "ops@example.com", "Stage", "prod"));
        CloudModel.LambdaFunction function = model.function("ct-import").orElseThrow();
        assertThat(function.environment()).containsEntry("TOPIC", "arn:aws:sns:local:000000000000:ct-Notifications")
                .containsEntry("STAGE", "prod");
        assertThat(function.memorySize()).isEqualTo(2048);
        assertThat(model.root().outputs()).containsKey("ProdOrEmailOnly");
        assertThat(output(model, "DevNoEmail")).isEqualTo("other");
        assertThat(model.root().parameters().get("Email").asText()).isEqualTo("ops@example.com");
    }

    @Test
    void falseConditionsLeaveResourcesAndOutputsOut() {
        CloudModel model = load(Map.of());
        assertThat(model.root().outputs()).doesNotContainKey("ProdOrEmailOnly");
        assertThat(output(model, "DevNoEmail")).isEqualTo("dev-without-email");
        assertThat(model.function("ct-import").orElseThrow().environment()).doesNotContainKey("TOPIC");
    }

    @Test
    void bucketsBusesAndTopicsGetDeterministicLocalNames() {
        CloudModel model = load(Map.of());
        assertThat(model.buckets()).extracting(CloudModel.Bucket::name, CloudModel.Bucket::eventBridgeEnabled)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ct-data-000000000000", true),
                        org.assertj.core.groups.Tuple.tuple("ct-scratchbucket", false));
        assertThat(model.bucket("DataBucket").orElseThrow().arn()).isEqualTo("arn:aws:s3:::ct-data-000000000000");
        assertThat(model.buses()).singleElement().satisfies(bus -> {
            assertThat(bus.name()).isEqualTo("ct-bus");
            assertThat(bus.arn()).isEqualTo("arn:aws:events:local:000000000000:event-bus/ct-bus");
        });
        assertThat(model.topics()).extracting(CloudModel.Topic::arn)
                .containsExactly("arn:aws:sns:local:000000000000:ct-Notifications");
        assertThat(output(model, "BusArn")).isEqualTo("arn:aws:events:local:000000000000:event-bus/ct-bus");
    }

    @Test
    void stateMachineFromDefinitionUriHasItsSubstitutionsApplied() {
        CloudModel.StateMachineResource machine = load(Map.of()).stateMachine("ImportStateMachine").orElseThrow();
        assertThat(machine.name()).isEqualTo("ct-import");
        assertThat(machine.arn()).isEqualTo("arn:aws:states:local:000000000000:stateMachine:ct-import");
        JsonNode states = machine.definition().get("States");
        assertThat(states.at("/Import/Resource").asText()).isEqualTo("arn:aws:lambda:local:000000000000:function:ct-import");
        assertThat(states.at("/Notify/Parameters/TopicArn").asText())
                .isEqualTo("arn:aws:sns:local:000000000000:ct-Notifications");
        assertThat(machine.toStateMachine().definition().root().startAt()).isEqualTo("Import");
    }

    @Test
    void inlineDefinitionAndNestedDefinitionStringAreResolved() {
        CloudModel model = load(Map.of());
        assertThat(model.stateMachine("PostProcessingStateMachine").orElseThrow().definition()
                .at("/States/Done/Result").asText()).isEqualTo("ct done");
        CloudModel.StateMachineResource training = model.stateMachine("ct-Training-training").orElseThrow();
        assertThat(training.definition().at("/States/Train/Resource").asText())
                .isEqualTo("arn:aws:lambda:local:000000000000:function:ct-Training-TrainFunction");
        assertThat(training.roleArn()).isEqualTo("arn:aws:iam::000000000000:role/ct-Training-TrainRole");
    }

    @Test
    void nestedStackGetsParentValuesAndExposesItsOutputs() {
        CloudModel model = load(Map.of());
        assertThat(model.function("ct-Training-TrainFunction").orElseThrow().environment())
                .containsEntry("BUS", "ct-bus").containsEntry("QUARKUS_LAMBDA_HANDLER", "train");
        assertThat(model.function("ct-Training-TrainFunction").orElseThrow().timeoutSeconds()).isEqualTo(3);
        assertThat(output(model, "TrainingStateMachine"))
                .isEqualTo("arn:aws:states:local:000000000000:stateMachine:ct-Training-training");
        assertThat(model.stacks().get(1).outputs().get("RoleVersion").asText()).startsWith("AROA");
    }

    @Test
    void rulesComeFromSamEventsAndEventsRuleResources() {
        CloudModel model = load(Map.of());
        assertThat(model.rules()).extracting(CloudModel.EventRule::name, CloudModel.EventRule::eventBusName,
                        CloudModel.EventRule::inputPath)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ct-ImportStateMachineUploaded", "default", "$.detail"),
                        org.assertj.core.groups.Tuple.tuple("job-active", "ct-bus", "$.detail"),
                        org.assertj.core.groups.Tuple.tuple("ct-Training-ConfigUploadedRule", "default", null));
        CloudModel.EventRule uploaded = model.rules().get(0);
        assertThat(Json.parse(uploaded.pattern())).isEqualTo(Json.parse("""
                {"source":["aws.s3"],"detail-type":["Object Created"],
                 "detail":{"bucket":{"name":["ct-data-000000000000"]},"object":{"key":[{"prefix":"pinpoint/"}]}}}"""));
        assertThat(uploaded.targetArn()).isEqualTo("arn:aws:states:local:000000000000:stateMachine:ct-import");
        assertThat(model.rules().get(2).input()).isEqualTo(Json.parse("{\"fixed\":true}"));
    }

    @Test
    void subHandlesVariableMapsEscapesPseudoParametersAndSamImplicitRoles() {
        CloudModel model = load(Map.of());
        assertThat(output(model, "Literal")).isEqualTo("hello, ${NotReplaced} in local/aws/amazonaws.com");
        assertThat(output(model, "ImportRole")).isEqualTo("arn:aws:iam::000000000000:role/ct-ImportFunctionRole");
        assertThat(output(model, "DataBucketName")).isEqualTo("ct-data-000000000000");
    }

    @Test
    void directorySourceReadsTheSameTemplates() {
        CloudModel model = new TemplateLoader(TemplateSource.directory(Path.of("src/test/resources/local/cloudformation")))
                .load("template.yaml", "other", Map.of());
        assertThat(model.stateMachines()).extracting(CloudModel.StateMachineResource::name)
                .containsExactly("other-import", "other-PostProcessingStateMachine", "other-Training-training");
    }

    @Test
    void cloudFormationStackResourceLoadsItsTemplateRelativeToTheParent() {
        Map<String, String> files = Map.of(
                "infra/root.yaml", """
                        Resources:
                          Child:
                            Type: AWS::CloudFormation::Stack
                            Properties:
                              TemplateURL: ../nested/child.yaml
                              Parameters:
                                Names: [a, b]
                        Outputs:
                          FromChild:
                            Value: !GetAtt Child.Outputs.Joined
                          ChildId:
                            Value: !Ref Child
                        """,
                "nested/child.yaml", """
                        Parameters:
                          Names:
                            Type: CommaDelimitedList
                        Resources:
                          Topic:
                            Type: AWS::SNS::Topic
                        Outputs:
                          Joined:
                            Value: !Join ['+', !Ref Names]
                        """);
        CloudModel model = new TemplateLoader(files::get).load("infra/root.yaml", "r", Map.of());
        assertThat(output(model, "FromChild")).isEqualTo("a+b");
        assertThat(output(model, "ChildId")).startsWith("arn:aws:cloudformation:local:000000000000:stack/r-Child/");
        assertThat(model.stacks().get(1).template()).isEqualTo("nested/child.yaml");
    }
}
