package io.contextualtargeting.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.formats.Json;
import io.contextualtargeting.local.cloudformation.ResolvedTemplates;
import io.contextualtargeting.local.cloudformation.TemplateSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The deployable files of this repository, as the deploy checks read them: the SAM templates
 * (root and nested), the state-machine definitions, and the templates resolved for a set of
 * parameter values. Tests run with the repository root as working directory (Maven's basedir).
 */
final class Repository {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final String ROOT_TEMPLATE = "template.yaml";
    static final String STACK_NAME = "contextual-targeting";

    /**
     * Parameter values that between them take every branch of the templates' conditions: a new
     * Pinpoint project, an existing one, and none (segment files in S3 only); JVM and native packaging;
     * Amazon Personalize and the embedded engine in the functions.
     */
    static final List<Map<String, String>> PARAMETER_SETS = List.of(
            Map.of("Email", "ops@example.com", "PinpointProjectId", "create", "SegmentFileForm", "Id"),
            Map.of("PinpointProjectId", "0123456789abcdef0123456789abcdef", "SegmentFileForm", "User.UserId",
                    "Packaging", "Native"),
            Map.of("PinpointProjectId", "none", "SegmentFileForm", "User.UserId"),
            Map.of("PinpointProjectId", "none", "SegmentFileForm", "User.UserId", "SegmentationEngine", "Embedded"));

    private Repository() {
    }

    /** template.yaml and every templates/*.yaml, as paths relative to the root. */
    static List<String> templates() {
        return Stream.concat(Stream.of(ROOT_TEMPLATE), files("templates", ".yaml").stream()).toList();
    }

    /** Every statemachines/*.asl.json, relative to the root. */
    static List<String> stateMachineFiles() {
        return files("statemachines", ".asl.json");
    }

    static String read(String path) {
        try {
            return Files.readString(ROOT.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template as written, intrinsic functions in long form. */
    static JsonNode template(String path) {
        return ResolvedTemplates.parse(path, read(path));
    }

    /** Every resource the root template and its nested stacks create with these parameters, resolved. */
    static List<ResolvedTemplates.Resource> resolved(Map<String, String> parameters) {
        return ResolvedTemplates.resources(TemplateSource.directory(ROOT), ROOT_TEMPLATE, STACK_NAME, parameters);
    }

    /**
     * Every resource that any of {@link #PARAMETER_SETS} creates, once (by template and logical id,
     * resolved with the first set that creates it), optionally only those of some types.
     */
    static List<ResolvedTemplates.Resource> deployed(String... types) {
        Map<String, ResolvedTemplates.Resource> all = new LinkedHashMap<>();
        for (Map<String, String> parameters : PARAMETER_SETS) {
            resolved(parameters).forEach(r -> all.putIfAbsent(r.template() + "#" + r.logicalId(), r));
        }
        List<String> wanted = List.of(types);
        return all.values().stream().filter(r -> wanted.isEmpty() || wanted.contains(r.type())).toList();
    }

    /** A function's environment variables, resolved. */
    static Map<String, String> environment(ResolvedTemplates.Resource function) {
        return Json.mapper().convertValue(function.properties().path("Environment").path("Variables"),
                Json.mapper().getTypeFactory().constructMapType(Map.class, String.class, String.class));
    }

    private static List<String> files(String folder, String suffix) {
        try (Stream<Path> list = Files.list(ROOT.resolve(folder))) {
            return list.map(p -> folder + "/" + p.getFileName()).filter(p -> p.endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
