package io.contextualtargeting.formats.data;

/** The Avro primitive types Personalize schemas use, and how a CSV value of each type is checked. */
public enum FieldType {
    STRING("string"), INT("int"), LONG("long"), FLOAT("float"), DOUBLE("double"), BOOLEAN("boolean");

    private final String avroName;

    FieldType(String avroName) {
        this.avroName = avroName;
    }

    static FieldType ofAvroName(String name) {
        for (FieldType type : values()) {
            if (type.avroName.equals(name)) {
                return type;
            }
        }
        return null;
    }
}
