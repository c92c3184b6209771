package io.contextualtargeting.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.formats.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SAM transform as CloudFormation runs it: AWS's Python {@code samtranslator} (package
 * aws-sam-translator), driven by {@code src/test/resources/deploy/sam_translate.py}, one Python
 * start for several templates.
 */
final class SamTranslator {
    static final String SCRIPT = "src/test/resources/deploy/sam_translate.py";
    /** The translator needs a region, as {@code sam deploy} has one. */
    static final Map<String, String> REGION = Map.of("AWS_DEFAULT_REGION", SamPackage.REGION);

    private final EcosystemTool python = EcosystemTool.requirePython("samtranslator", "pip install aws-sam-translator");

    /** Translates each packaged template (JSON file) to the file it maps to; the result per source file. */
    Map<Path, Result> translate(Map<Path, Path> sourceToTarget) {
        List<String> arguments = new ArrayList<>(List.of(SCRIPT));
        sourceToTarget.forEach((source, target) -> {
            arguments.add(source.toString());
            arguments.add(target.toString());
        });
        EcosystemTool.Output output = python.run(arguments, REGION, Duration.ofSeconds(120));
        Map<Path, Result> results = new LinkedHashMap<>();
        for (String line : output.stdout().lines().toList()) {
            JsonNode result = parse(line, output);
            List<String> errors = new ArrayList<>();
            result.path("errors").forEach(e -> errors.add(e.asText()));
            results.put(Path.of(result.path("template").asText()), new Result(result.path("translated").asBoolean(), errors));
        }
        if (results.size() != sourceToTarget.size()) {
            throw new AssertionError("the SAM translator did not report on every template: " + output);
        }
        return results;
    }

    private static JsonNode parse(String line, EcosystemTool.Output output) {
        try {
            return Json.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            throw new AssertionError("unexpected output of " + SCRIPT + ": " + output, e);
        }
    }

    record Result(boolean translated, List<String> errors) {
    }
}
