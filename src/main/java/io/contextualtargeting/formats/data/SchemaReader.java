package io.contextualtargeting.formats.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.formats.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Personalize dataset schemas: a single Avro record JSON, or the three schemas embedded in a
 * training config ({@code datasets.<interactions|items|users>.schema.serviceConfig.schema}, as an
 * object or as a JSON string, the two forms the MLOps configs use).
 */
public final class SchemaReader {

    private SchemaReader() {
    }

    /** The schemas of a training config; datasets without a schema are absent. */
    public static DatasetSchemas fromTrainingConfig(DataSource config) {
        JsonNode root = readJson(config);
        JsonNode datasets = root.path("datasets");
        if (!datasets.isObject()) {
            throw new SchemaException(config.name(), "datasets", "the training config has no \"datasets\" object");
        }
        return new DatasetSchemas(embedded(config, datasets, "interactions"), embedded(config, datasets, "items"),
                embedded(config, datasets, "users"));
    }

    /** One Avro record schema file. */
    public static DatasetSchema fromAvro(DataSource schema) {
        return parseRecord(schema.name(), "schema", readJson(schema));
    }

    private static Optional<DatasetSchema> embedded(DataSource config, JsonNode datasets, String type) {
        String path = "datasets." + type + ".schema.serviceConfig.schema";
        JsonNode schema = datasets.path(type).path("schema").path("serviceConfig").path("schema");
        if (schema.isMissingNode() || schema.isNull()) {
            return Optional.empty();
        }
        if (schema.isTextual()) {
            try {
                schema = Json.mapper().readTree(schema.asText());
            } catch (JsonProcessingException e) {
                throw new SchemaException(config.name(), path, "the schema string is not JSON: "
                        + e.getOriginalMessage());
            }
        }
        return Optional.of(parseRecord(config.name(), path, schema));
    }

    static DatasetSchema parseRecord(String source, String path, JsonNode record) {
        if (!record.isObject() || !"record".equals(record.path("type").asText())) {
            throw new SchemaException(source, path, "expected an Avro record: {\"type\": \"record\", \"fields\": [...]}");
        }
        JsonNode fields = record.path("fields");
        if (!fields.isArray() || fields.isEmpty()) {
            throw new SchemaException(source, path + ".fields", "an Avro record needs a non-empty \"fields\" array");
        }
        List<SchemaField> parsed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            SchemaField field = parseField(source, path + ".fields[" + i + "]", fields.get(i));
            if (!seen.add(field.name().toUpperCase(Locale.ROOT))) {
                throw new SchemaException(source, path + ".fields[" + i + "]",
                        "field " + field.name() + " appears twice (names are compared without case)");
            }
            parsed.add(field);
        }
        return new DatasetSchema(source, record.path("name").asText(""), parsed);
    }

    private static SchemaField parseField(String source, String path, JsonNode field) {
        String name = field.path("name").asText("");
        if (name.isEmpty()) {
            throw new SchemaException(source, path, "a field needs a \"name\"");
        }
        JsonNode type = field.path("type");
        boolean nullable = false;
        if (type.isArray()) {
            JsonNode chosen = null;
            for (JsonNode member : type) {
                if ("null".equals(member.asText())) {
                    nullable = true;
                } else if (chosen == null) {
                    chosen = member;
                } else {
                    throw new SchemaException(source, path, "field " + name + ": a union may hold \"null\" and one type only");
                }
            }
            type = chosen == null ? field.path("missing") : chosen;
        }
        if (type.isObject()) {
            type = type.path("type");
        }
        FieldType fieldType = FieldType.ofAvroName(type.asText(""));
        if (fieldType == null) {
            throw new SchemaException(source, path, "field " + name + ": type " + field.path("type")
                    + " is not one of string, int, long, float, double, boolean (optionally with \"null\")");
        }
        return new SchemaField(name, fieldType, nullable, field.path("categorical").asBoolean(false),
                field.path("textual").asBoolean(false));
    }

    private static JsonNode readJson(DataSource source) {
        try (InputStream in = source.open()) {
            return Json.mapper().readTree(in);
        } catch (JsonProcessingException e) {
            throw new SchemaException(source.name(), null, "not valid JSON at line "
                    + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
