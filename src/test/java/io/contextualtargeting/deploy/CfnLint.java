package io.contextualtargeting.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.formats.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * AWS's CloudFormation linter ({@code cfn-lint}, Python, on PATH), run once over several templates
 * (it takes seconds to start), its findings read from its JSON output.
 */
final class CfnLint {
    /** Pinpoint's engagement features ended on 2026-10-30: cfn-lint warns on every Pinpoint resource. */
    static final String SUNSET_SERVICE = "W3696";

    private final EcosystemTool tool = EcosystemTool.require("cfn-lint", "pip install cfn-lint");

    List<Finding> lint(List<Path> templates, Map<String, String> environment) {
        List<String> arguments = new ArrayList<>(List.of("--format", "json", "--"));
        templates.forEach(t -> arguments.add(t.toString()));
        EcosystemTool.Output output = tool.run(arguments, environment, Duration.ofSeconds(120));
        try {
            JsonNode findings = Json.mapper().readTree(output.stdout());
            if (findings == null || !findings.isArray()) {
                throw new AssertionError("cfn-lint printed no findings list: " + output);
            }
            List<Finding> all = new ArrayList<>();
            findings.forEach(f -> all.add(Finding.of(f)));
            return all;
        } catch (JsonProcessingException e) {
            throw new AssertionError("cfn-lint printed no JSON: " + output, e);
        }
    }

    /**
     * What fails the build: every error, and a sunset-service warning on a resource that is not
     * conditional (a Pinpoint resource that every deployment would create).
     */
    static List<Finding> blocking(List<Finding> findings, Function<String, JsonNode> templateOfFile) {
        return findings.stream().filter(f -> f.isError()
                || f.ruleId().equals(SUNSET_SERVICE) && !f.onConditionalResource(templateOfFile.apply(f.file()))).toList();
    }

    /** One finding, printed as cfn-lint's parseable format prints it. */
    record Finding(String file, int line, String ruleId, String level, List<String> path, String message) {

        static Finding of(JsonNode f) {
            List<String> path = new ArrayList<>();
            f.path("Location").path("Path").forEach(p -> path.add(p.asText()));
            return new Finding(f.path("Filename").asText(), f.path("Location").path("Start").path("LineNumber").asInt(),
                    f.path("Rule").path("Id").asText(), f.path("Level").asText(), path, f.path("Message").asText());
        }

        boolean isError() {
            return ruleId.startsWith("E") || level.equals("Error");
        }

        boolean onConditionalResource(JsonNode template) {
            return path.size() >= 2 && path.get(0).equals("Resources")
                    && template.path("Resources").path(path.get(1)).has("Condition");
        }

        @Override
        public String toString() {
            return file + ":" + line + ":" + ruleId + ":" + message + " " + path;
        }
    }
}
