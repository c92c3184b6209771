package io.contextualtargeting.ports;

/**
 * An Amazon Pinpoint import job's status. {@link #wire()} is Pinpoint's text, the one written into
 * state machine payloads (the segment import workflow's Choice compares {@code $.status} with
 * "COMPLETED"); a text Pinpoint adds later is {@link #UNKNOWN}, neither completed nor failed.
 */
public enum ImportJobStatus {
    CREATED, PREPARING_FOR_INITIALIZATION, INITIALIZING, PROCESSING, PENDING_JOB, COMPLETING, COMPLETED, FAILING,
    FAILED, UNKNOWN;

    /** The status of Pinpoint's text; {@link #UNKNOWN} for null or a text this code does not know. */
    public static ImportJobStatus of(String wire) {
        return WireValues.parse(values(), ImportJobStatus::wire, wire, UNKNOWN);
    }

    /** Pinpoint's text of the status. */
    public String wire() {
        return name();
    }
}
