package io.contextualtargeting.ports;

/**
 * A Personalize resource's status (dataset groups, datasets, import jobs, solutions and their
 * versions, batch segment jobs, filters, event trackers). {@link #wire()} is Personalize's text, the
 * one written into messages and state machine payloads; a text Personalize adds later is {@link #UNKNOWN},
 * neither active nor failed, so a workflow keeps polling and says what it saw.
 */
public enum ResourceStatus {
    ACTIVE("ACTIVE"),
    CREATE_PENDING("CREATE PENDING"),
    CREATE_IN_PROGRESS("CREATE IN_PROGRESS"),
    CREATE_FAILED("CREATE FAILED"),
    CREATE_STOPPING("CREATE STOPPING"),
    CREATE_STOPPED("CREATE STOPPED"),
    UPDATE_PENDING("UPDATE PENDING"),
    UPDATE_IN_PROGRESS("UPDATE IN_PROGRESS"),
    UPDATE_FAILED("UPDATE FAILED"),
    DELETE_PENDING("DELETE PENDING"),
    DELETE_IN_PROGRESS("DELETE IN_PROGRESS"),
    UNKNOWN(null);

    private final String wire;

    ResourceStatus(String wire) {
        this.wire = wire;
    }

    /** The status of Personalize's text; {@link #UNKNOWN} for null or a text this code does not know. */
    public static ResourceStatus of(String wire) {
        return WireValues.parse(values(), ResourceStatus::wire, wire, UNKNOWN);
    }

    /** Personalize's text of the status; null for {@link #UNKNOWN}. */
    public String wire() {
        return wire;
    }

    /** Still being created: Personalize neither uses nor deletes it yet. */
    public boolean isCreating() {
        return this == CREATE_PENDING || this == CREATE_IN_PROGRESS;
    }

    public boolean isDeleting() {
        return this == DELETE_PENDING || this == DELETE_IN_PROGRESS;
    }

    /** Ended without becoming usable: it failed, or its creation was stopped. */
    public boolean isFailed() {
        return this == CREATE_FAILED || this == UPDATE_FAILED || this == CREATE_STOPPED;
    }

    @Override
    public String toString() {
        return wire == null ? name() : wire;
    }
}
