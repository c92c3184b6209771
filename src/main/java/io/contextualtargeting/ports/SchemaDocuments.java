package io.contextualtargeting.ports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contextualtargeting.formats.Json;
import java.io.IOException;

/**
 * Personalize schemas never change, and a dataset keeps the schema it was created with: a schema
 * name already taken by other fields, or a dataset created with another schema, must stop the
 * training (the new data would be imported against the old fields), on AWS and locally alike.
 */
public final class SchemaDocuments {
    private static final ObjectMapper MAPPER = Json.mapper();

    private SchemaDocuments() {
    }

    /** Whether two Avro schema documents are the same JSON, whatever their spacing and key order. */
    public static boolean same(String a, String b) {
        try {
            return MAPPER.readTree(a).equals(MAPPER.readTree(b));
        } catch (IOException e) {
            return a.equals(b);
        }
    }

    /** A dataset keeps the schema it was created with: new fields need a new dataset group. */
    public static IllegalStateException datasetHasOtherSchema(String datasetArn, String usedSchemaArn, String askedSchemaArn) {
        return new IllegalStateException("dataset " + datasetArn + " was created with schema " + usedSchemaArn
                + ", not with " + askedSchemaArn + "; a dataset keeps its schema: give the dataset group another name"
                + " (datasetGroup.serviceConfig.name in the config), or delete it with the clean-up workflow first");
    }

    public static IllegalStateException takenByOtherFields(String name) {
        return new IllegalStateException("ResourceAlreadyExistsException: schema " + name + " exists with other fields;"
                + " a schema never changes: give the new one another name (schema.serviceConfig.name in the config)");
    }
}
