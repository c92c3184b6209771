package io.contextualtargeting.workflow.segments;

import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.local.store.FolderObjectStore;
import io.contextualtargeting.ports.EngagementPlatform;
import io.contextualtargeting.ports.EngagementPlatform.Endpoint;
import io.contextualtargeting.ports.ObjectRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteSegmentTest {
    @TempDir
    Path root;

    private static final Map<String, List<Endpoint>> ENDPOINTS = Map.of(
            "u1", List.of(new Endpoint("e1a", "EMAIL", false, true), new Endpoint("e1b", "SMS", true, true),
                    new Endpoint("e1/c", "SMS", false, true)),
            "u3", List.of(new Endpoint("e3", "EMAIL", true, true)),
            "u4", List.of(new Endpoint("e4", "EMAIL", false, false)),
            "u5", List.of(new Endpoint("e5,x", "EMAIL", false, true)));

    /** Pinpoint at the edge: a fixed directory of endpoints. */
    private static EngagementPlatform directory(Map<String, List<Endpoint>> endpoints) {
        return new EngagementPlatform() {
            @Override
            public ImportJob createImportJob(ImportJobRequest request) {
                throw new AssertionError("not called");
            }

            @Override
            public ImportJob getImportJob(String jobId) {
                throw new AssertionError("not called");
            }

            @Override
            public List<Endpoint> userEndpoints(String userId) {
                return endpoints.getOrDefault(userId, List.of());
            }
        };
    }

    private FolderObjectStore store() {
        return new FolderObjectStore(root, (ref, size, etag) -> { });
    }

    private SegmentFile segmentOf(FolderObjectStore store, String... users) {
        ObjectRef file = new ObjectRef("personalize", "batch/out/segments/000.txt");
        store.writeText(file, String.join("\n", users) + "\n");
        return new SegmentFile(0, "ITEMSgenresAction_20261128-101500", "ITEMS.genres = \"Action\"", file.url(), users.length, null);
    }

    @Test
    void idFormWritesReachableEndpointsAndAccountsForEveryUser() {
        FolderObjectStore store = store();
        SegmentFile segment = segmentOf(store, "u1", "u2", "u3", "u4", "u5");

        SegmentReport report = new WriteSegment(store, directory(ENDPOINTS), 4)
                .run(new WriteSegmentRequest(segment, "imports", "pinpoint/", "Id"));

        assertThat(report.csv()).isEqualTo("s3://imports/pinpoint/ITEMSgenresAction_20261128-101500.csv");
        assertThat(store.readText(ObjectRef.parse(report.csv()))).isEqualTo("Id\ne1a\ne1/c\n\"e5,x\"\n");
        assertThat(report.users()).isEqualTo(5);
        assertThat(report.usersWritten()).isEqualTo(2);
        assertThat(report.endpointsWritten()).isEqualTo(3);
        assertThat(report.optedOutUsers()).isEqualTo(1);
        assertThat(report.usersWithoutEndpoint()).isEqualTo(2);
        assertThat(report.usersWritten() + report.optedOutUsers() + report.usersWithoutEndpoint()).isEqualTo(report.users());
    }

    @Test
    void userIdFormNeedsNoLookups() {
        FolderObjectStore store = store();
        SegmentFile segment = segmentOf(store, "u1", "u,2");
        EngagementPlatform unreachable = null;

        SegmentReport report = new WriteSegment(store, unreachable, 1)
                .run(new WriteSegmentRequest(segment, "imports", "pinpoint/", "User.UserId"));

        assertThat(store.readText(ObjectRef.parse(report.csv()))).isEqualTo("User.UserId\nu1\n\"u,2\"\n");
        assertThat(report.usersWritten()).isEqualTo(2);
        assertThat(report.endpointsWritten()).isZero();
    }

    @Test
    void aSegmentWithoutReachableUsersWritesNoFile() {
        FolderObjectStore store = store();
        SegmentFile segment = segmentOf(store, "u2", "u3");

        SegmentReport report = new WriteSegment(store, directory(ENDPOINTS), 2)
                .run(new WriteSegmentRequest(segment, "imports", "pinpoint/", "Id"));

        assertThat(report.csv()).isNull();
        assertThat(report.failed()).isFalse();
        assertThat(store.list("imports", "")).isEmpty();
    }

    @Test
    void aNameTakenByAnotherSegmentGetsASuffix() {
        FolderObjectStore store = store();
        WriteSegment step = new WriteSegment(store, directory(ENDPOINTS), 1);
        step.run(new WriteSegmentRequest(segmentOf(store, "u1"), "imports", "pinpoint/", "Id"));

        SegmentReport second = step.run(new WriteSegmentRequest(segmentOf(store, "u5"), "imports", "pinpoint/", "Id"));

        assertThat(second.name()).isEqualTo("ITEMSgenresAction_20261128-101500-2");
        assertThat(second.csv()).endsWith("/pinpoint/ITEMSgenresAction_20261128-101500-2.csv");
    }

    @Test
    void theSameSegmentWrittenAgainIsFoundNotWrittenTwice() {
        FolderObjectStore store = store();
        WriteSegment step = new WriteSegment(store, directory(ENDPOINTS), 1);
        WriteSegmentRequest request = new WriteSegmentRequest(segmentOf(store, "u1"), "imports", "pinpoint/", "Id");
        SegmentReport first = step.run(request);

        SegmentReport again = step.run(request);

        assertThat(again).isEqualTo(first);
        assertThat(store.list("imports", "pinpoint/")).hasSize(1);
    }

    @Test
    void aSegmentTooLargeForTheIdFormIsReportedWithTheWayOutAndNothingWritten() {
        FolderObjectStore store = store();
        SegmentFile segment = segmentOf(store, "u1", "u2", "u3");
        EngagementPlatform unreachable = null; // a look-up would fail

        SegmentReport report = new WriteSegment(store, unreachable, 1, 2)
                .run(new WriteSegmentRequest(segment, "imports", "pinpoint/", "Id"));

        assertThat(report.failed()).isTrue();
        assertThat(report.users()).isEqualTo(3);
        assertThat(report.error()).startsWith("3 users are too many for the Id form (at most 2)")
                .contains("SegmentFileForm=User.UserId").contains("run --segment-file-form User.UserId");
        assertThat(store.list("imports", "")).isEmpty();
        SegmentReport userIds = new WriteSegment(store, unreachable, 1, 2)
                .run(new WriteSegmentRequest(segment, "imports", "pinpoint/", "User.UserId"));
        assertThat(userIds.usersWritten()).as("the User.UserId form has no such limit").isEqualTo(3);
    }

    @Test
    void aFailedQueryIsReportedNotWritten() {
        FolderObjectStore store = store();
        SegmentFile failed = new SegmentFile(1, "item_9_20261128-101500", "9", null, 0, "unknown item 9");

        SegmentReport report = new WriteSegment(store, directory(ENDPOINTS), 1)
                .run(new WriteSegmentRequest(failed, "imports", "pinpoint/", "Id"));

        assertThat(report.failed()).isTrue();
        assertThat(report.error()).isEqualTo("unknown item 9");
        assertThat(store.list("imports", "")).isEmpty();
    }
}
