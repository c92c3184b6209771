package io.contextualtargeting.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.formats.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ecosystem check: every template, packaged as {@code sam package} would (local code, definitions
 * and nested templates replaced by their S3 locations), goes through AWS's SAM translator, and
 * cfn-lint finds no error in what it produces. A canary template, broken on purpose, goes through
 * the same run to show that the translator's failures reach this test.
 */
class SamTransformTest {
    static final String CANARY = "src/test/resources/deploy/sam-transform-canary.yaml";

    @TempDir
    Path work;

    @Test
    void packagedTemplatesTranslateAndTheirOutputHasNoCfnLintErrors() {
        Map<Path, Path> packaged = new LinkedHashMap<>();
        Stream.concat(Repository.templates().stream(), Stream.of(CANARY)).forEach(template -> packaged.put(
                write(template.replace('/', '-') + ".packaged.json", SamPackage.packaged(Repository.template(template))),
                work.resolve(template.replace('/', '-') + ".translated.json")));
        Path canary = packaged.keySet().stream().filter(p -> p.toString().contains("canary")).findFirst().orElseThrow();

        Map<Path, SamTranslator.Result> results = new SamTranslator().translate(packaged);

        assertThat(results.get(canary).errors()).as("the canary's translation").anyMatch(e -> e.contains("CodeUri"));
        results.remove(canary);
        packaged.remove(canary);
        assertThat(results).as("SAM translator results").allSatisfy((file, result) -> assertThat(result.errors()).isEmpty());
        List<Path> translated = List.copyOf(packaged.values());
        assertThat(translated).allSatisfy(SamTransformTest::hasOnlyCloudFormationResources);
        List<CfnLint.Finding> findings = new CfnLint().lint(translated, SamTranslator.REGION);
        findings.stream().filter(f -> !f.isError()).forEach(f -> System.out.println("cfn-lint warning (translated): " + f));
        assertThat(CfnLint.blocking(findings, file -> read(Path.of(file)))).as("cfn-lint on the translated templates").isEmpty();
    }

    @Test
    void packagingPointsEveryLocalArtifactAtS3AndNestedApplicationsAtATemplateUrl() {
        JsonNode root = SamPackage.packaged(Repository.template(Repository.ROOT_TEMPLATE));

        assertThat(root.at("/Globals/Function/CodeUri").asText()).startsWith("s3://" + SamPackage.BUCKET + "/");
        assertThat(root.at("/Resources/SegmentPostProcessingStateMachine/Properties/DefinitionUri/Bucket").asText())
                .isEqualTo(SamPackage.BUCKET);
        assertThat(root.at("/Resources/PersonalizationEngine/Properties/Location").asText())
                .matches("https://s3\\.[a-z0-9-]+\\.amazonaws\\.com/" + SamPackage.BUCKET + "/.+\\.template");
    }

    /** No SAM resource left, and every nested stack (a SAM application) loads its template from a URL. */
    private static void hasOnlyCloudFormationResources(Path translated) {
        JsonNode template = read(translated);
        assertThat(template.has("Transform")).as("%s still has a Transform", translated).isFalse();
        template.path("Resources").properties().forEach(resource -> {
            String type = resource.getValue().path("Type").asText();
            assertThat(type).as("%s: %s", translated, resource.getKey()).doesNotStartWith("AWS::Serverless::");
            if (type.equals("AWS::CloudFormation::Stack")) {
                assertThat(resource.getValue().at("/Properties/TemplateURL").asText())
                        .as("%s: %s's TemplateURL", translated, resource.getKey()).startsWith("https://");
            }
        });
    }

    private Path write(String name, JsonNode template) {
        Path file = work.resolve(name);
        try {
            Json.mapper().writeValue(file.toFile(), template);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
