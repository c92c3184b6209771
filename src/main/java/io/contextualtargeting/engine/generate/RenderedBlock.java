package io.contextualtargeting.engine.generate;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The CSV rows of a consecutive range of users, ready to append to the three user-level files,
 * and the item index of every interaction (so the writer can count interactions per item).
 */
record RenderedBlock(AsciiBuffer users, AsciiBuffer interactions, AsciiBuffer endpoints, int[] interactedItems,
                     int interactionCount, int endpointCount) {

    void writeTo(OutputStream usersOut, OutputStream interactionsOut, OutputStream endpointsOut) throws IOException {
        users.writeTo(usersOut);
        interactions.writeTo(interactionsOut);
        endpoints.writeTo(endpointsOut);
    }

    long bytes() {
        return (long) users.length() + interactions.length() + endpoints.length();
    }
}
