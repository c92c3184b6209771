package io.contextualtargeting.ports;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Personalize schemas never change: a schema name already taken by other fields must stop the
 * training (the new data would be imported against the old fields), on AWS and locally alike.
 */
public final class SchemaDocuments {
    private static final ObjectMapper MAPPER = new ObjectMapper();

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

    public static IllegalStateException takenByOtherFields(String name) {
        return new IllegalStateException("ResourceAlreadyExistsException: schema " + name + " exists with other fields;"
                + " a schema never changes: give the new one another name (schema.serviceConfig.name in the config)");
    }
}
