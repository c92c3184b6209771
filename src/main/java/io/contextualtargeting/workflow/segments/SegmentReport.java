package io.contextualtargeting.workflow.segments;

/**
 * What became of one segment. Every user is accounted for:
 * {@code usersWritten + usersWithoutEndpoint + optedOutUsers == users}. A user counts as opted out
 * when all of their active endpoints opted out, as without endpoint when they have no active one.
 * With the {@code Id} form, {@code endpointsWritten} counts rows (a user may have several endpoints);
 * with {@code User.UserId} it is 0 and Pinpoint resolves endpoints at import. {@code csv} is null
 * when nothing was written (failed query, or no user with a reachable endpoint).
 */
public record SegmentReport(String name, String query, String csv, String form, long users, long usersWritten,
                            long endpointsWritten, long usersWithoutEndpoint, long optedOutUsers,
                            String error) {

    public boolean failed() {
        return error != null;
    }

    public static SegmentReport failed(SegmentFile segment, String form) {
        return failed(segment, form, segment.error());
    }

    public static SegmentReport failed(SegmentFile segment, String form, String error) {
        return new SegmentReport(segment.name(), segment.query(), null, form, segment.userCount(), 0, 0, 0, 0, error);
    }
}
