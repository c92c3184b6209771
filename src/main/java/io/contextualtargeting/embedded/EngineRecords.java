package io.contextualtargeting.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contextualtargeting.formats.Json;
import io.contextualtargeting.ports.ObjectNotFoundException;
import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.ports.ObjectStore;
import io.contextualtargeting.ports.SolutionSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The embedded engine's resources, one small JSON document per resource in the artefacts bucket:
 * the resource with ARN {@code <ARN prefix><kind>/<name>} is the object
 * {@code embedded-engine/<kind>/<name>.json}. Functions keep no state between calls (each may run in
 * another Lambda instance), so every call reads the records it needs. Documents are JSON trees, not
 * bound classes: nothing to register for the native image.
 */
final class EngineRecords {
    /** Where the records live in the bucket. */
    static final String PREFIX = "embedded-engine/";
    private static final String SUFFIX = ".json";

    private final ObjectStore store;
    private final String bucket;
    private final String arnPrefix;
    private final ObjectMapper json = Json.mapper();

    EngineRecords(ObjectStore store, String bucket, String arnPrefix) {
        this.store = store;
        this.bucket = bucket;
        this.arnPrefix = arnPrefix;
    }

    String arn(String kindAndName) {
        return arnPrefix + kindAndName;
    }

    ObjectNode newRecord(String arn) {
        return json.createObjectNode().put("arn", arn);
    }

    Optional<ObjectNode> find(String arn) {
        try {
            return Optional.of((ObjectNode) json.readTree(store.readText(ref(arn))));
        } catch (ObjectNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable record of " + arn, e);
        }
    }

    /** The record, or an error naming what the caller expected to exist. */
    ObjectNode get(String arn, String what) {
        return find(arn).orElseThrow(() -> new IllegalStateException(what + " " + arn + " does not exist"));
    }

    void save(ObjectNode record) {
        store.writeText(ref(record.path("arn").asText()), record.toString());
    }

    void delete(String arn) {
        store.delete(ref(arn));
    }

    /** The ARNs of the records under {@code <kind>/} (e.g. {@code "solution/"}, {@code "dataset/group/"}), in key order. */
    List<String> arnsUnder(String kind) {
        return store.list(bucket, PREFIX + kind).stream().map(ObjectRef::key).filter(k -> k.endsWith(SUFFIX))
                .map(k -> arnPrefix + k.substring(PREFIX.length(), k.length() - SUFFIX.length())).sorted().toList();
    }

    JsonNode tree(Object value) {
        return json.valueToTree(value);
    }

    /** A solution's settings as a record keeps them (SolutionSettings is registered for the native image). */
    SolutionSettings settings(JsonNode node) {
        try {
            return json.treeToValue(node, SolutionSettings.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable solution settings in a record", e);
        }
    }

    /**
     * The object of a resource, refusing an ARN that is not one of ours or that would name another
     * place (ARNs reach post-processing from events).
     */
    private ObjectRef ref(String arn) {
        String rest = arn == null || !arn.startsWith(arnPrefix) ? "" : arn.substring(arnPrefix.length());
        if (!rest.matches("[a-z-]+/[A-Za-z0-9_.\\-]+(/[A-Za-z0-9_.\\-]+)*") || rest.contains("..")) {
            throw new IllegalArgumentException("not a resource of the embedded engine: " + arn + " (its ARNs start with "
                    + arnPrefix + ")");
        }
        return new ObjectRef(bucket, PREFIX + rest + SUFFIX);
    }
}
