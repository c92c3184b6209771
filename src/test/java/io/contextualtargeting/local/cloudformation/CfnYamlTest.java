package io.contextualtargeting.local.cloudformation;

import io.contextualtargeting.local.statemachine.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CfnYamlTest {

    @Test
    void shortFormTagsBecomeTheirLongForms() {
        assertThat(CfnYaml.parse("t.yaml", """
                a: !Ref X
                b: !GetAtt Res.Outputs.Name
                c: !GetAtt [Res, Arn]
                d: !Sub ['${A}-x', {A: !Ref Y}]
                e: !If [Cond, !Join ['', [a, b]], !Ref 'AWS::NoValue']
                f: !Not [!Equals [!Ref P, '']]
                g: !Condition C
                h: !Select [0, !Split [',', 'a,b']]
                i: !FindInMap [M, K, V]
                j: !Base64 text
                """)).isEqualTo(Json.parse("""
                {"a":{"Ref":"X"},"b":{"Fn::GetAtt":["Res","Outputs.Name"]},"c":{"Fn::GetAtt":["Res","Arn"]},
                 "d":{"Fn::Sub":["${A}-x",{"A":{"Ref":"Y"}}]},
                 "e":{"Fn::If":["Cond",{"Fn::Join":["",["a","b"]]},{"Ref":"AWS::NoValue"}]},
                 "f":{"Fn::Not":[{"Fn::Equals":[{"Ref":"P"},""]}]},"g":{"Condition":"C"},
                 "h":{"Fn::Select":[0,{"Fn::Split":[",","a,b"]}]},"i":{"Fn::FindInMap":["M","K","V"]},
                 "j":{"Fn::Base64":"text"}}"""));
    }

    @Test
    void datesStayStringsAsCloudFormationReadsThem() {
        assertThat(CfnYaml.parse("t.yaml", "Version: 2012-10-17\n").get("Version").asText()).isEqualTo("2012-10-17");
    }

    @Test
    void jsonTemplatesAreReadToo() {
        assertThat(CfnYaml.parse("t.json", "{\"Resources\": {\"A\": {\"Type\": \"AWS::SNS::Topic\"}}}")
                .at("/Resources/A/Type").asText()).isEqualTo("AWS::SNS::Topic");
    }
}
