package io.contextualtargeting.local.statemachine;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ChoiceStateTest {
    @TempDir
    Path work;

    /** Runs a Choice with one rule; returns "yes" when the rule matched, "no" for Default. */
    private String decide(String rule, String input) {
        ExecutionRecord run = new TestCloud(work).run("""
                {"StartAt":"C","States":{
                 "C":{"Type":"Choice","Choices":[dummy],"Default":"No"},
                 "Yes":{"Type":"Pass","Result":"yes","End":true},
                 "No":{"Type":"Pass","Result":"no","End":true}}}""".replace("dummy",
                rule.substring(0, rule.length() - 1) + ",\"Next\":\"Yes\"}"), input);
        assertThat(run.status()).as(run.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        return run.output().asText();
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "{'Variable':'$.s','StringEquals':'abc'}|{'s':'abc'}|yes",
            "{'Variable':'$.s','StringEquals':'abc'}|{'s':1}|no",
            "{'Variable':'$.s','StringEqualsPath':'$.t'}|{'s':'a','t':'a'}|yes",
            "{'Variable':'$.s','StringLessThan':'b'}|{'s':'a'}|yes",
            "{'Variable':'$.s','StringGreaterThanEquals':'b'}|{'s':'a'}|no",
            "{'Variable':'$.s','StringLessThanEqualsPath':'$.t'}|{'s':'b','t':'b'}|yes",
            "{'Variable':'$.s','StringMatches':'log-*.txt'}|{'s':'log-2026.txt'}|yes",
            "{'Variable':'$.s','StringMatches':'a\\\\*b'}|{'s':'a*b'}|yes",
            "{'Variable':'$.s','StringMatches':'a\\\\*b'}|{'s':'axb'}|no",
            "{'Variable':'$.n','NumericEquals':2}|{'n':2.0}|yes",
            "{'Variable':'$.n','NumericLessThan':2}|{'n':1.5}|yes",
            "{'Variable':'$.n','NumericGreaterThan':2}|{'n':'3'}|no",
            "{'Variable':'$.n','NumericLessThanEquals':2}|{'n':2}|yes",
            "{'Variable':'$.n','NumericGreaterThanEqualsPath':'$.m'}|{'n':1,'m':2}|no",
            "{'Variable':'$.b','BooleanEquals':true}|{'b':true}|yes",
            "{'Variable':'$.b','BooleanEqualsPath':'$.c'}|{'b':true,'c':false}|no",
            "{'Variable':'$.t','TimestampEquals':'2026-01-01T00:00:00Z'}|{'t':'2026-01-01T01:00:00+01:00'}|yes",
            "{'Variable':'$.t','TimestampLessThan':'2026-01-01T00:00:00Z'}|{'t':'2025-12-31T23:59:59Z'}|yes",
            "{'Variable':'$.t','TimestampGreaterThanPath':'$.u'}|{'t':'2026-01-02T00:00:00Z','u':'2026-01-01T00:00:00Z'}|yes",
            "{'Variable':'$.t','TimestampLessThanEquals':'2026-01-01T00:00:00Z'}|{'t':'not a time'}|no",
            "{'Variable':'$.t','TimestampGreaterThanEquals':'2026-01-01T00:00:00Z'}|{'t':'2026-01-01T00:00:00Z'}|yes",
            "{'Variable':'$.x','IsPresent':true}|{'x':null}|yes",
            "{'Variable':'$.x','IsPresent':true}|{}|no",
            "{'Variable':'$.x','IsPresent':false}|{}|yes",
            "{'Variable':'$.x','IsNull':true}|{'x':null}|yes",
            "{'Variable':'$.x','IsNumeric':true}|{'x':'1'}|no",
            "{'Variable':'$.x','IsString':true}|{'x':'1'}|yes",
            "{'Variable':'$.x','IsBoolean':false}|{'x':1}|yes",
            "{'Variable':'$.x','IsTimestamp':true}|{'x':'2026-01-01T00:00:00Z'}|yes",
            "{'And':[{'Variable':'$.a','NumericEquals':1},{'Variable':'$.b','NumericEquals':2}]}|{'a':1,'b':2}|yes",
            "{'Or':[{'Variable':'$.a','NumericEquals':5},{'Variable':'$.b','NumericEquals':5}]}|{'a':1,'b':2}|no",
            "{'Not':{'Variable':'$.a','StringEquals':'x'}}|{'a':'y'}|yes"})
    void comparisonOperatorsDecideTheBranch(String rule, String input, String expected) {
        String result = decide(rule.replace('\'', '"'), input.replace('\'', '"'));
        assertThat(result).isEqualTo(expected);
    }

    @Test
    void missingVariableFailsWithStatesRuntime() {
        ExecutionRecord run = new TestCloud(work).run("""
                {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[
                 {"Variable":"$.nope","StringEquals":"x","Next":"E"}],"Default":"E"},"E":{"Type":"Succeed"}}}""", "{}");
        assertThat(run.error()).isEqualTo("States.Runtime");
    }

    @Test
    void noMatchWithoutDefaultFailsWithNoChoiceMatched() {
        ExecutionRecord run = new TestCloud(work).run("""
                {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[
                 {"Variable":"$.a","NumericEquals":1,"Next":"E"}]},"E":{"Type":"Succeed"}}}""", "{\"a\":2}");
        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.error()).isEqualTo("States.NoChoiceMatched");
    }

    @Test
    void choiceAppliesInputPathAndOutputPath() {
        ExecutionRecord run = new TestCloud(work).run("""
                {"StartAt":"C","States":{"C":{"Type":"Choice","InputPath":"$.in","OutputPath":"$.v","Choices":[
                 {"Variable":"$.v","IsPresent":true,"Next":"E"}]},"E":{"Type":"Succeed"}}}""", "{\"in\":{\"v\":7}}");
        assertThat(run.output().asInt()).isEqualTo(7);
    }
}
