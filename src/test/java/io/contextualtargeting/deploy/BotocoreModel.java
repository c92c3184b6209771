package io.contextualtargeting.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.formats.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The API model of one AWS service as botocore (the AWS SDK for Python) ships it:
 * {@code botocore/data/<service>/<api version>/service-2.json[.gz]}, the newest API version.
 * Operations name their input shape; shapes carry types, required members, lengths, ranges,
 * patterns and enums.
 */
final class BotocoreModel {
    private static final Map<String, BotocoreModel> LOADED = new ConcurrentHashMap<>();
    private static Path dataDirectory;

    private final String service;
    private final JsonNode model;

    private BotocoreModel(String service, JsonNode model) {
        this.service = service;
        this.model = model;
    }

    /** The model of a service by botocore's directory name ({@code personalize}, {@code events}, {@code s3}...). */
    static BotocoreModel of(String service) {
        return LOADED.computeIfAbsent(service, s -> new BotocoreModel(s, load(latestModelFile(s))));
    }

    String service() {
        return service;
    }

    /** The name of the operation's input shape. */
    String inputShape(String operation) {
        JsonNode input = model.path("operations").path(operation).path("input").path("shape");
        if (input.isMissingNode()) {
            throw new IllegalArgumentException(service + " has no operation " + operation + " with an input in botocore's model");
        }
        return input.asText();
    }

    JsonNode shape(String name) {
        JsonNode shape = model.path("shapes").path(name);
        if (shape.isMissingNode()) {
            throw new IllegalArgumentException(service + " has no shape " + name);
        }
        return shape;
    }

    /** The errors the operation declares, by shape name. */
    List<String> errors(String operation) {
        JsonNode op = model.path("operations").path(operation);
        if (op.isMissingNode()) {
            throw new IllegalArgumentException(service + " has no operation " + operation + " in botocore's model");
        }
        List<String> names = new ArrayList<>();
        op.path("errors").forEach(e -> names.add(e.path("shape").asText()));
        return names;
    }

    /** Whether the model has an error (exception) shape of this name, declared by any operation or not. */
    boolean hasError(String name) {
        return model.path("shapes").path(name).path("exception").asBoolean(false);
    }

    /** The HTTP status of an error shape, 0 when the model gives none. */
    int httpStatus(String errorShape) {
        return shape(errorShape).path("error").path("httpStatusCode").asInt(0);
    }

    private static synchronized Path dataDirectory() {
        if (dataDirectory == null) {
            EcosystemTool python = EcosystemTool.requirePython("botocore", "pip install botocore");
            EcosystemTool.Output output = python.run(List.of("-c", "import botocore, os; print(os.path.dirname(botocore.__file__))"),
                    Map.of(), Duration.ofSeconds(60));
            if (output.exitCode() != 0) {
                throw new AssertionError("botocore is not installed for python3: " + output);
            }
            dataDirectory = Path.of(output.stdout().strip(), "data");
        }
        return dataDirectory;
    }

    private static Path latestModelFile(String service) {
        try (Stream<Path> versions = Files.list(dataDirectory().resolve(service))) {
            Path version = versions.filter(Files::isDirectory).max(Path::compareTo)
                    .orElseThrow(() -> new IllegalArgumentException("no API version of " + service + " in botocore"));
            return Stream.of("service-2.json", "service-2.json.gz").map(version::resolve).filter(Files::isRegularFile)
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no service-2.json in " + version));
        } catch (IOException e) {
            throw new UncheckedIOException("botocore has no model of " + service, e);
        }
    }

    private static JsonNode load(Path file) {
        try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file))
                : Files.newInputStream(file)) {
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
