package io.contextualtargeting.local.cloudformation;

import io.contextualtargeting.formats.InputException;
import io.contextualtargeting.local.statemachine.AslDefinitionException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateErrorsTest {
    private final Map<String, String> files = new HashMap<>();

    private CloudModel load(String template, Map<String, String> parameters) {
        files.put("template.yaml", template);
        return new TemplateLoader(path -> {
            String text = files.get(path);
            if (text == null) {
                throw new TemplateException(path, null, "file not found");
            }
            return text;
        }).load("template.yaml", "s", parameters);
    }

    private static final String PREFIX_PARAMETER = """
            Parameters:
              SegmentImportPrefix:
                Type: String
                Default: pinpoint/
                AllowedPattern: '.*/$'
              Stage:
                Type: String
                Default: dev
                AllowedValues: [dev, prod]
            Resources:
              Topic:
                Type: AWS::SNS::Topic
            """;

    @Test
    void parameterBreakingAllowedPatternIsRejectedAsCloudFormationDoes() {
        assertThatThrownBy(() -> load(PREFIX_PARAMETER, Map.of("SegmentImportPrefix", "pinpoint")))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.source()).isEqualTo("template.yaml");
                    assertThat(e.field()).isEqualTo("Parameters.SegmentImportPrefix");
                    assertThat(e.problem()).isEqualTo("Parameter 'SegmentImportPrefix' must match pattern .*/$, got 'pinpoint'");
                });
    }

    @Test
    void parameterOutsideAllowedValuesIsRejected() {
        assertThatThrownBy(() -> load(PREFIX_PARAMETER, Map.of("Stage", "test")))
                .hasMessageContaining("Parameter 'Stage' must be one of AllowedValues");
    }

    @Test
    void overrideOfAnUndeclaredParameterIsRejected() {
        assertThatThrownBy(() -> load(PREFIX_PARAMETER, Map.of("Nope", "x")))
                .hasMessageContaining("Parameters: [Nope] do not exist in the template");
    }

    @Test
    void unknownAttributeNamesTemplateResourceAndProperty() {
        assertThatThrownBy(() -> load("""
                Resources:
                  Topic:
                    Type: AWS::SNS::Topic
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !GetAtt Topic.Owner
                """, Map.of()))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.field()).isEqualTo("Resources.Queue.Properties.QueueName.Fn::GetAtt");
                    assertThat(e.problem()).contains("cannot resolve attribute 'Owner' of resource Topic");
                });
    }

    @Test
    void refToAnUnknownNameIsRejected() {
        assertThatThrownBy(() -> load("""
                Resources:
                  Topic:
                    Type: AWS::SNS::Topic
                    Properties:
                      TopicName: !Ref Missing
                """, Map.of())).hasMessageContaining("'Missing' is not a parameter, pseudo parameter or resource");
    }

    @Test
    void circularReferenceIsReportedInsteadOfOverflowing() {
        assertThatThrownBy(() -> load("""
                Resources:
                  A:
                    Type: AWS::SNS::Topic
                    Properties:
                      TopicName: !GetAtt B.TopicName
                  B:
                    Type: AWS::SNS::Topic
                    Properties:
                      TopicName: !GetAtt A.TopicName
                """, Map.of())).hasMessageContaining("circular reference");
    }

    @Test
    void unsupportedIntrinsicAndTransformAreRejected() {
        assertThatThrownBy(() -> load("""
                Resources:
                  Topic:
                    Type: AWS::SNS::Topic
                    Properties:
                      TopicName: !ImportValue shared-name
                """, Map.of())).hasMessageContaining("Fn::ImportValue is not supported");
        assertThatThrownBy(() -> load("""
                Transform: AWS::LanguageExtensions
                Resources:
                  Topic:
                    Type: AWS::SNS::Topic
                """, Map.of())).hasMessageContaining("'AWS::LanguageExtensions' is not supported locally");
    }

    @Test
    void unknownYamlTagIsReportedWithItsLine() {
        assertThatThrownBy(() -> load("""
                Resources:
                  Topic:
                    Type: AWS::SNS::Topic
                    Properties:
                      TopicName: !Magic x
                """, Map.of()))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.line()).isEqualTo(5));
    }

    private static final String MACHINE = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Machine:
                Type: AWS::Serverless::StateMachine
                Properties:
                  DefinitionUri: flow.asl.json
                  DefinitionSubstitutions:
            %s
            """;

    @Test
    void placeholderWithoutSubstitutionIsALoadError() {
        files.put("flow.asl.json", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Result\":\"${Missing}\",\"End\":true}}}");
        assertThatThrownBy(() -> load(MACHINE.formatted("        Other: x"), Map.of()))
                .hasMessageContaining("uses ${Missing} but DefinitionSubstitutions has no Missing");
    }

    @Test
    void substitutionNeverUsedIsALoadError() {
        files.put("flow.asl.json", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Result\":\"${Used}\",\"End\":true}}}");
        assertThatThrownBy(() -> load(MACHINE.formatted("        Used: x\n        Unused: y"), Map.of()))
                .hasMessageContaining("[Unused] are never used");
    }

    @Test
    void invalidDefinitionIsRejectedByTheExecutorsParserAtLoad() {
        files.put("flow.asl.json", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":\"${R}\",\"End\":true}}}");
        assertThatThrownBy(() -> load(MACHINE.formatted("        R: arn:aws:states:::sqs:sendMessage"), Map.of()))
                .isInstanceOfSatisfying(AslDefinitionException.class, e -> {
                    assertThat(e.source()).isEqualTo("state machine s-Machine");
                    assertThat(e.field()).isEqualTo("States.A.Resource");
                });
    }

    @Test
    void inputTransformerAndNonStateMachineTargetsAreRejected() {
        String rule = """
                Resources:
                  Topic:
                    Type: AWS::SNS::Topic
                  Rule:
                    Type: AWS::Events::Rule
                    Properties:
                      EventPattern: {source: [x]}
                      Targets:
                        - Id: t
                          Arn: !Ref Topic
                %s""";
        assertThatThrownBy(() -> load(rule.formatted("          InputTransformer: {InputTemplate: x}\n"), Map.of()))
                .hasMessageContaining("InputTransformer").hasMessageContaining("use InputPath or Input");
        assertThatThrownBy(() -> load(rule.formatted(""), Map.of()))
                .hasMessageContaining("only state machines of these templates can be rule targets");
    }

    @Test
    void nestedStackFromAUrlIsRejected() {
        assertThatThrownBy(() -> load("""
                Resources:
                  Nested:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: https://example.com/t.yaml
                """, Map.of())).hasMessageContaining("must be a relative path");
    }

    @Test
    void functionEventSourcesAreRejectedRatherThanSilentlyIgnored() {
        assertThatThrownBy(() -> load("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        Nightly:
                          Type: Schedule
                          Properties:
                            Schedule: rate(1 day)
                """, Map.of()))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.field()).isEqualTo("Resources.F.Properties.Events");
                    assertThat(e.problem()).contains("not run locally");
                });
    }

    private static final String RULES = """
            Parameters:
              Project:
                Type: String
                Default: create
              Form:
                Type: String
                Default: Id
            Rules:
              UserIdsWithoutProject:
                RuleCondition: !Equals [!Ref Project, none]
                Assertions:
                  - Assert: !Contains [[User.UserId], !Ref Form]
                    AssertDescription: Without a project choose Form User.UserId.
            Resources:
              Topic:
                Type: AWS::SNS::Topic
            """;

    @Test
    void rulesAssertionsAreCheckedWhenTheirConditionHolds() {
        assertThat(load(RULES, Map.of()).topics()).hasSize(1);
        assertThat(load(RULES, Map.of("Project", "none", "Form", "User.UserId")).topics()).hasSize(1);
        assertThatThrownBy(() -> load(RULES, Map.of("Project", "none")))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.field()).isEqualTo("Rules.UserIdsWithoutProject");
                    assertThat(e.problem()).isEqualTo("Without a project choose Form User.UserId.");
                });
    }

    @Test
    void taskCallingAFunctionNoTemplateDefinesIsALoadError() {
        files.put("flow.asl.json", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":\"${R}\",\"End\":true}}}");
        assertThatThrownBy(() -> load(MACHINE.formatted("        R: arn:aws:lambda:local:000000000000:function:typo"),
                Map.of()))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.field()).isEqualTo("Resources.Machine");
                    assertThat(e.problem()).contains("calls function arn:aws:lambda:local:000000000000:function:typo");
                });
    }
}
