package io.contextualtargeting.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.local.cloudformation.CloudModel;
import io.contextualtargeting.local.cloudformation.ResolvedTemplates;
import io.contextualtargeting.local.cloudformation.TemplateLoader;
import io.contextualtargeting.local.cloudformation.TemplateSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each state machine's role allows exactly what its definition does: invoke the functions of its
 * Task states, put events on the buses of its events:putEvents tasks, and deliver its logs and
 * traces (actions without resource-level permissions, hence on '*').
 */
class StateMachinePermissionsTest {
    private static final List<String> LOGS_AND_TRACES = List.of("logs:CreateLogDelivery", "logs:GetLogDelivery",
            "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy",
            "logs:DescribeResourcePolicies", "logs:DescribeLogGroups", "xray:PutTraceSegments", "xray:PutTelemetryRecords",
            "xray:GetSamplingRules", "xray:GetSamplingTargets");

    @Test
    void everyStateMachineIsAllowedWhatItsDefinitionDoesAndNothingElse() {
        int checked = 0;
        for (Map<String, String> parameters : Repository.PARAMETER_SETS) {
            CloudModel model = new TemplateLoader(TemplateSource.directory(Repository.ROOT))
                    .load(Repository.ROOT_TEMPLATE, Repository.STACK_NAME, parameters);
            List<ResolvedTemplates.Resource> resources = Repository.resolved(parameters);
            for (CloudModel.StateMachineResource machine : model.stateMachines()) {
                ResolvedTemplates.Resource resource = resources.stream().filter(r -> r.stack().equals(machine.stack())
                        && r.logicalId().equals(machine.logicalId())).findFirst().orElseThrow();
                List<ApiCall> calls = new ArrayList<>();
                tasks(machine.definition(), calls);
                LOGS_AND_TRACES.forEach(action -> calls.add(new ApiCall(action, "*", "Logging and Tracing")));

                assertThat(PermissionCheck.problems(Policy.of(resource), calls)).as(machine.logicalId()).isEmpty();
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(3);
    }

    private static void tasks(JsonNode node, List<ApiCall> into) {
        if ("Task".equals(node.path("Type").asText())) {
            String resource = node.path("Resource").asText();
            if (resource.startsWith("arn:aws:lambda:")) {
                into.add(new ApiCall("lambda:InvokeFunction", resource, "Task " + resource));
            } else if (resource.equals("arn:aws:states:::events:putEvents")) {
                for (JsonNode entry : node.path("Parameters").path("Entries")) {
                    into.add(new ApiCall("events:PutEvents", "arn:aws:events:" + ResolvedTemplates.REGION + ":"
                            + ResolvedTemplates.ACCOUNT + ":event-bus/" + entry.path("EventBusName").asText(), "events:putEvents task"));
                }
            } else {
                into.add(new ApiCall("unmapped:" + resource, "*", "add this service integration to " 
                        + StateMachinePermissionsTest.class.getSimpleName()));
            }
        }
        node.forEach(child -> tasks(child, into));
    }
}
