package io.contextualtargeting.local.statemachine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AslParserTest {
    private static final String LAMBDA = "arn:aws:lambda:local:000000000000:function:f";

    private static String oneState(String state) {
        return "{\"StartAt\":\"S\",\"States\":{\"S\":" + state + "}}";
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke.waitForTaskToken','Parameters':{},'End':true}|States.S.Resource|is not supported locally",
            "{'Type':'Task','Resource':'arn:aws:states:::glue:startJobRun.sync','End':true}|States.S.Resource|is not supported locally",
            "{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','End':true}|States.S.Parameters|are required",
            "{'Type':'Task','Resource':'LAMBDA','Arguments':{},'End':true}|States.S.Arguments|is not supported here",
            "{'Type':'Task','Resource':'LAMBDA','QueryLanguage':'JSONata','End':true}|States.S.QueryLanguage|only JSONPath",
            "{'Type':'Task','Resource':'LAMBDA'}|States.S|needs Next or",
            "{'Type':'Task','Resource':'LAMBDA','Next':'Nowhere'}|States.S|'Nowhere', which does not exist",
            "{'Type':'Task','Resource':'LAMBDA','Retry':[{'ErrorEquals':['States.ALL','X']}],'End':true}|States.S.Retry[0].ErrorEquals|States.ALL must appear alone",
            "{'Type':'Task','Resource':'LAMBDA','Retry':[{'ErrorEquals':['X'],'BackoffRate':0.5}],'End':true}|States.S.Retry[0].BackoffRate|must be a number >= 1.0",
            "{'Type':'Pass','ResultPath':'$.a[*]','End':true}|States.S.ResultPath|not a reference path",
            "{'Type':'Pass','InputPath':'a.b','End':true}|States.S.InputPath|is not a JSONPath",
            "{'Type':'Pass','Parameters':{'x.$':'States.Nope()'},'End':true}|States.S.Parameters|unknown intrinsic function",
            "{'Type':'Wait','Seconds':1,'SecondsPath':'$.s','End':true}|States.S|exactly one of Seconds",
            "{'Type':'Choice','Choices':[{'Variable':'$.a','Next':'S'}]}|States.S.Choices[0]|needs a comparison operator",
            "{'Type':'Choice','Choices':[{'Variable':'$.a','NumericEquals':'1','Next':'S'}]}|States.S.Choices[0].NumericEquals|wrong type",
            "{'Type':'Map','ItemReader':{},'ItemProcessor':{'StartAt':'X','States':{'X':{'Type':'Succeed'}}},'End':true}|States.S.ItemReader|Distributed mode",
            "{'Type':'Map','ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED'},'StartAt':'X','States':{'X':{'Type':'Succeed'}}},'End':true}|States.S.ItemProcessor.ProcessorConfig.Mode|only INLINE",
            "{'Type':'Map','MaxConcurrency':1,'MaxConcurrencyPath':'$.n','ItemProcessor':{'StartAt':'X','States':{'X':{'Type':'Succeed'}}},'End':true}|States.S.MaxConcurrencyPath|cannot be used together",
            "{'Type':'Map','MaxConcurrencyPath':'n','ItemProcessor':{'StartAt':'X','States':{'X':{'Type':'Succeed'}}},'End':true}|States.S.MaxConcurrencyPath|is not a JSONPath",
            "{'Type':'Task','Resource':'LAMBDA','Retry':[{'ErrorEquals':['X'],'Note':'n'}],'End':true}|States.S.Retry[0].Note|is not supported here",
            "{'Type':'Fail','Error':'E','ErrorPath':'$.e'}|States.S.ErrorPath|cannot be used together",
            "{'Type':'Magic','End':true}|States.S.Type|not a state type"})
    void unsupportedOrInvalidDefinitionFailsAtLoadNamingStateAndField(String state, String field, String problem) {
        String json = oneState(state.replace('\'', '"').replace("LAMBDA", LAMBDA));
        assertThatThrownBy(() -> AslParser.parse("training", json))
                .isInstanceOfSatisfying(AslDefinitionException.class, e -> {
                    assertThat(e.source()).isEqualTo("state machine training");
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.problem()).contains(problem);
                });
    }

    @Test
    void unreachableStateIsALoadError() {
        assertThatThrownBy(() -> AslParser.parse("m", """
                {"StartAt":"A","States":{"A":{"Type":"Succeed"},"B":{"Type":"Succeed"}}}"""))
                .hasMessageContaining("States.B").hasMessageContaining("not reachable");
    }

    @Test
    void missingStartAtStateIsALoadError() {
        assertThatThrownBy(() -> AslParser.parse("m", """
                {"StartAt":"X","States":{"A":{"Type":"Succeed"}}}"""))
                .hasMessageContaining("StartAt").hasMessageContaining("'X', which does not exist");
    }

    @Test
    void stateNamesMustBeUniqueAcrossBranches() {
        assertThatThrownBy(() -> AslParser.parse("m", """
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
                  {"StartAt":"P","States":{"P":{"Type":"Succeed"}}}]}}}"""))
                .hasMessageContaining("unique");
    }

    @Test
    void branchCannotJumpOutOfItsScope() {
        assertThatThrownBy(() -> AslParser.parse("m", """
                {"StartAt":"P","States":{"P":{"Type":"Parallel","Next":"Done","Branches":[
                  {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Done"}}}]},"Done":{"Type":"Succeed"}}}"""))
                .hasMessageContaining("States.A").hasMessageContaining("does not exist in its scope");
    }

    @Test
    void validDefinitionParsesEveryStateType() {
        StateMachineDefinition definition = AslParser.parse("m", """
                {"Comment":"all","StartAt":"T","TimeoutSeconds":300,"States":{
                 "T":{"Type":"Task","Resource":"%s","TimeoutSeconds":60,"Retry":[{"ErrorEquals":["States.ALL"]}],
                      "Catch":[{"ErrorEquals":["States.ALL"],"Next":"F"}],"Next":"C"},
                 "C":{"Type":"Choice","Choices":[{"Not":{"Variable":"$.a","IsPresent":true},"Next":"W"}],"Default":"P"},
                 "W":{"Type":"Wait","Seconds":1,"Next":"P"},
                 "P":{"Type":"Parallel","Branches":[{"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}],"Next":"M"},
                 "M":{"Type":"Map","ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},"Next":"S"},
                 "S":{"Type":"Succeed"},"F":{"Type":"Fail","Error":"E"}}}""".formatted(LAMBDA));
        assertThat(definition.root().states()).containsOnlyKeys("T", "C", "W", "P", "M", "S", "F");
        assertThat(definition.timeoutSeconds()).isEqualTo(300);
    }

    @Test
    void taskTokenInTheContextObjectIsRejectedAtLoad() {
        assertThatThrownBy(() -> AslParser.parse("m", oneState("""
                {"Type":"Pass","Parameters":{"token.$":"$$.Task.Token"},"End":true}""")))
                .hasMessageContaining("$$.Task.Token");
    }
}
