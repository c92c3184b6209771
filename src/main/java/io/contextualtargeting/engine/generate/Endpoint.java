package io.contextualtargeting.engine.generate;

/** One Pinpoint endpoint of a synthetic user: a row of endpoints.csv. */
public record Endpoint(String channelType, String address, boolean optedOut) {
    public static final String EMAIL = "EMAIL";
    public static final String SMS = "SMS";

    /** The OptOut column: ALL for an opted-out endpoint, NONE otherwise. */
    public String optOut() {
        return optedOut ? "ALL" : "NONE";
    }
}
