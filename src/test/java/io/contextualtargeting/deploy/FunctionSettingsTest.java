package io.contextualtargeting.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.local.cloudformation.CloudModel;
import io.contextualtargeting.local.cloudformation.ResolvedTemplates.Resource;
import io.contextualtargeting.local.cloudformation.TemplateLoader;
import io.contextualtargeting.local.cloudformation.TemplateSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The functions of the templates (runtime and code: PackagingTest): the handler each runs, tracing and JSON logs, and enough memory and time for the
 * ones that read files; every handler runs in exactly one function and every function is a task of
 * a state machine.
 */
class FunctionSettingsTest {
    private static final List<Resource> FUNCTIONS = Repository.deployed("AWS::Serverless::Function");

    /** Lambda creates a missing log group with no retention: LogRetentionInDays applies only to groups the stack owns. */
    @Test
    void everyFunctionLogsToALogGroupOfTheStackWithRetention() {
        List<Resource> logGroups = Repository.deployed("AWS::Logs::LogGroup");

        assertThat(FUNCTIONS).allSatisfy(function -> assertThat(logGroups).as(function.logicalId())
                .anySatisfy(group -> {
                    assertThat(group.template()).isEqualTo(function.template());
                    assertThat(group.properties().path("LogGroupName").asText()).isEqualTo("/aws/lambda/" + function.name());
                    assertThat(group.properties().path("RetentionInDays").asInt()).isPositive();
                }));
    }

    @Test
    void everyFunctionIsTracedAndLogsJson() {
        assertThat(FUNCTIONS).allSatisfy(function -> {
            assertThat(function.properties().path("Tracing").asText()).as(function.logicalId()).isEqualTo("Active");
            assertThat(function.properties().path("LoggingConfig").path("LogFormat").asText()).as(function.logicalId())
                    .isEqualTo("JSON");
        });
    }

    @Test
    void everyFunctionRunsAnExistingHandlerAndEveryHandlerRunsInExactlyOneFunction() {
        Map<String, List<String>> functionsByHandler = new TreeMap<>();
        Handlers.byName().keySet().forEach(name -> functionsByHandler.put(name, new ArrayList<>()));
        List<String> unknown = new ArrayList<>();
        for (Resource function : FUNCTIONS) {
            String handler = function.properties().path("Environment").path("Variables").path("QUARKUS_LAMBDA_HANDLER").asText();
            List<String> users = functionsByHandler.get(handler);
            if (users == null) {
                unknown.add(function.logicalId() + " runs '" + handler + "'");
            } else {
                users.add(function.logicalId());
            }
        }

        assertThat(unknown).as("functions whose QUARKUS_LAMBDA_HANDLER names no @Named handler").isEmpty();
        assertThat(functionsByHandler).as("functions running each handler").allSatisfy((handler, functions) ->
                assertThat(functions).as(handler).hasSize(1));
    }

    @Test
    void functionsThatReadFilesHaveMemoryAndTimeForThem() {
        List<Resource> readers = FUNCTIONS.stream().filter(f -> grantedActions(f).contains("s3:GetObject")).toList();

        assertThat(readers).isNotEmpty().allSatisfy(function -> {
            assertThat(function.properties().path("MemorySize").asInt()).as(function.logicalId()).isGreaterThanOrEqualTo(512);
            assertThat(function.properties().path("Timeout").asInt()).as(function.logicalId()).isGreaterThanOrEqualTo(120);
        });
    }

    @Test
    void everyFunctionIsATaskOfAStateMachine() {
        for (Map<String, String> parameters : Repository.PARAMETER_SETS) {
            CloudModel model = new TemplateLoader(TemplateSource.directory(Repository.ROOT))
                    .load(Repository.ROOT_TEMPLATE, Repository.STACK_NAME, parameters);
            Set<String> called = new HashSet<>();
            model.stateMachines().forEach(m -> taskResources(m.definition(), called));

            assertThat(model.functions()).as("functions with %s", parameters)
                    .allSatisfy(f -> assertThat(called).as("state-machine tasks calling " + f.logicalId())
                            .anyMatch(arn -> arn.equals(f.arn()) || arn.startsWith(f.arn() + ":")));
        }
    }

    private static void taskResources(JsonNode node, Set<String> into) {
        if ("Task".equals(node.path("Type").asText())) {
            into.add(node.path("Resource").asText());
        }
        node.forEach(child -> taskResources(child, into));
    }

    /** The IAM actions of the function's inline policy statements. */
    private static Set<String> grantedActions(Resource function) {
        Set<String> actions = new HashSet<>();
        for (JsonNode policy : function.properties().path("Policies")) {
            for (JsonNode statement : policy.path("Statement")) {
                JsonNode action = statement.path("Action");
                if (action.isArray()) {
                    action.forEach(a -> actions.add(a.asText()));
                } else {
                    actions.add(action.asText());
                }
            }
        }
        return actions;
    }
}
