package io.contextualtargeting.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contextualtargeting.local.cloudformation.TemplateSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each state machine's DefinitionSubstitutions and its definition file agree: every
 * {@code ${Name}} of the ASL has a substitution (else Step Functions would receive the placeholder
 * itself) and every substitution is used (else it is dead wiring, or a typo of a placeholder).
 */
class DefinitionSubstitutionsTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    @Test
    void everyPlaceholderIsProvidedAndEverySubstitutionIsUsed() {
        List<String> problems = new ArrayList<>();
        int machines = 0;
        for (String template : Repository.templates()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = Repository.template(template).path("Resources").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> resource = it.next();
                JsonNode properties = resource.getValue().path("Properties");
                if ("AWS::Serverless::StateMachine".equals(resource.getValue().path("Type").asText())) {
                    machines++;
                    String definition = TemplateSource.resolve(template, properties.path("DefinitionUri").asText());
                    problems.addAll(mismatches(template + " " + resource.getKey(), Repository.read(definition),
                            properties.path("DefinitionSubstitutions")));
                }
            }
        }
        assertThat(machines).as("state machines in the templates").isGreaterThanOrEqualTo(3);
        assertThat(problems).isEmpty();
    }

    @Test
    void placeholderWithoutSubstitutionAndSubstitutionWithoutPlaceholderAreBothReported() {
        JsonNode substitutions = Repository.template("template.yaml").path("Resources")
                .path("SegmentPostProcessingStateMachine").path("Properties").path("DefinitionSubstitutions").deepCopy();
        ((ObjectNode) substitutions).remove("SegmentFileForm");
        ((ObjectNode) substitutions).put("SegmentFileFrom", "Id");

        List<String> problems = mismatches("m", Repository.read("statemachines/segment-postprocessing.asl.json"), substitutions);

        assertThat(problems).containsExactly("m: the definition uses ${SegmentFileForm}, which no substitution provides",
                "m: substitution SegmentFileFrom is never used by the definition");
    }

    static List<String> mismatches(String machine, String definition, JsonNode substitutions) {
        Set<String> used = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(definition);
        while (m.find()) {
            used.add(m.group(1));
        }
        Set<String> provided = new TreeSet<>();
        substitutions.fieldNames().forEachRemaining(provided::add);
        List<String> problems = new ArrayList<>();
        used.stream().filter(name -> !provided.contains(name)).forEach(name -> problems.add(machine
                + ": the definition uses ${" + name + "}, which no substitution provides"));
        provided.stream().filter(name -> !used.contains(name)).forEach(name -> problems.add(machine
                + ": substitution " + name + " is never used by the definition"));
        return problems;
    }
}
