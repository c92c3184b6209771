package io.contextualtargeting.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.local.cloudformation.ResolvedTemplates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every Ref, Fn::GetAtt, Fn::Sub variable and condition name of the deployed templates resolves. */
class TemplateReferencesTest {

    static List<String> templates() {
        return Repository.templates();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void everyReferenceOfTheTemplateResolves(String template) {
        assertThat(TemplateReferences.problems(template, Repository.template(template), Repository::template)).isEmpty();
    }

    @Test
    void refToAnUndeclaredNameIsReported() {
        assertThat(problems("""
                Resources:
                  Bucket:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Ref BucketNmae
                """)).singleElement().asString().contains("Ref BucketNmae is no parameter");
    }

    @Test
    void subVariablesAreCheckedAsRefsAndAttributesButLocalOnesAndLiteralsAreNot() {
        List<String> problems = problems("""
                Resources:
                  Bucket:
                    Type: AWS::S3::Bucket
                Outputs:
                  A:
                    Value: !Sub '${Bucket.Arn}/${AWS::Region}/${!Literal}/${Missing}'
                  B:
                    Value: !Sub ['${Local}-${Bucket.Name}', {Local: x}]
                """);

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).isEqualTo(
                "t.yaml Outputs.A.Value ${Missing}: Ref Missing is no parameter, pseudo parameter or resource");
        assertThat(problems.get(1)).startsWith(
                "t.yaml Outputs.B.Value ${Bucket.Name}: Bucket (AWS::S3::Bucket) has no attribute Name");
    }

    @Test
    void attributeOfANestedStackMustBeAnOutputOfItsTemplate() {
        String root = """
                Resources:
                  Engine:
                    Type: AWS::Serverless::Application
                    Properties:
                      Location: nested/engine.yaml
                Outputs:
                  Bus:
                    Value: !GetAtt Engine.Outputs.EventBusArn
                  Topic:
                    Value: !GetAtt Engine.Outputs.TopicArn
                """;
        JsonNode nested = ResolvedTemplates.parse("nested/engine.yaml", "Outputs: {EventBusArn: {Value: x}}");

        List<String> problems = TemplateReferences.problems("t.yaml", ResolvedTemplates.parse("t.yaml", root),
                Map.of("nested/engine.yaml", nested)::get);

        assertThat(problems).containsExactly(
                "t.yaml Outputs.Topic.Value: nested stack Engine (nested/engine.yaml) declares no output TopicArn");
    }

    @Test
    void undeclaredConditionIsReported() {
        assertThat(problems("""
                Conditions:
                  HasEmail: !Equals [a, b]
                Resources:
                  Topic:
                    Type: AWS::SNS::Topic
                    Condition: HasMail
                """)).containsExactly("t.yaml Resources.Topic: condition HasMail is not in Conditions");
    }

    private static List<String> problems(String template) {
        return TemplateReferences.problems("t.yaml", ResolvedTemplates.parse("t.yaml", template), path -> {
            throw new AssertionError("no nested template expected: " + path);
        });
    }
}
