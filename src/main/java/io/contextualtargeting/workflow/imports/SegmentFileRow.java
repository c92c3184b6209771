package io.contextualtargeting.workflow.imports;

import java.util.Map;

/**
 * One row of a Pinpoint import file. Absent columns are null. {@code attributes} holds the other
 * columns (User.UserAttributes.*, Attributes.*, Demographic.*, Location.*, Metrics.*) by header name.
 */
public record SegmentFileRow(long line, String id, String userId, String channelType, String address,
                             String optOut, Map<String, String> attributes) {
    public boolean optedOut() {
        return "ALL".equals(optOut);
    }
}
