package io.contextualtargeting.local.pinpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.local.store.FolderObjectStore;
import io.contextualtargeting.ports.EngagementPlatform.Endpoint;
import io.contextualtargeting.ports.EngagementPlatform.ImportJob;
import io.contextualtargeting.ports.EngagementPlatform.ImportJobRequest;
import io.contextualtargeting.ports.ObjectRef;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalEngagementPlatformTest {
    @TempDir
    Path root;

    private final ObjectRef endpoints = new ObjectRef("imports", "pinpoint/endpoints.csv");

    private FolderObjectStore store() {
        return new FolderObjectStore(root, (ref, size, etag) -> { });
    }

    /** Polls the job through Pinpoint's lifecycle to its end. */
    private static ImportJob finish(LocalEngagementPlatform pinpoint, ImportJob job) {
        assertThat(job.status()).isEqualTo("CREATED");
        assertThat(pinpoint.getImportJob(job.id()).status()).isEqualTo("PROCESSING");
        return pinpoint.getImportJob(job.id());
    }

    @Test
    void importedEndpointsAreFoundPerUserWithStableIds() {
        FolderObjectStore store = store();
        store.writeText(endpoints, "User.UserId,ChannelType,Address,OptOut\nu1,EMAIL,a@x.io,NONE\nu1,SMS,+15550100,ALL\nu2,EMAIL,b@x.io,NONE\n");
        LocalEngagementPlatform pinpoint = new LocalEngagementPlatform(store);

        ImportJob done = finish(pinpoint, pinpoint.createImportJob(new ImportJobRequest(endpoints, "endpoints.csv", true, true)));
        String firstId = pinpoint.userEndpoints("u1").get(0).id();
        finish(pinpoint, pinpoint.createImportJob(new ImportJobRequest(endpoints, "endpoints.csv", true, true)));

        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(done.totalProcessed()).isEqualTo(3);
        assertThat(pinpoint.userEndpoints("u1")).extracting(Endpoint::channelType, Endpoint::optedOut)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EMAIL", false), org.assertj.core.groups.Tuple.tuple("SMS", true));
        assertThat(pinpoint.userEndpoints("u1").get(0).id()).isEqualTo(firstId).hasSize(26);
        assertThat(pinpoint.userEndpoints("nobody")).isEmpty();
        assertThat(pinpoint.endpointCount()).isEqualTo(3);
        assertThat(pinpoint.segmentSizes()).containsEntry("endpoints.csv", 3);
    }

    @Test
    void segmentsOfEndpointIdsNeedExistingEndpointsAndAreAllOrNothing() {
        FolderObjectStore store = store();
        store.writeText(endpoints, "User.UserId,ChannelType,Address\nu1,EMAIL,a@x.io\n");
        LocalEngagementPlatform pinpoint = new LocalEngagementPlatform(store);
        finish(pinpoint, pinpoint.createImportJob(new ImportJobRequest(endpoints, "endpoints.csv", true, true)));
        String id = pinpoint.userEndpoints("u1").get(0).id();
        ObjectRef segment = new ObjectRef("imports", "pinpoint/seg.csv");
        store.writeText(segment, "Id\n" + id + "\nunknown-endpoint\n");

        ImportJob failed = finish(pinpoint, pinpoint.createImportJob(new ImportJobRequest(segment, "seg.csv", true, false)));

        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.totalFailures()).isEqualTo(1);
        assertThat(failed.failures()).singleElement().asString().contains("line 3").contains("unknown-endpoint");
        assertThat(pinpoint.segmentSizes()).doesNotContainKey("seg.csv");
    }

    @Test
    void userIdSegmentsTakeEveryEndpointOfTheirUsers() {
        FolderObjectStore store = store();
        store.writeText(endpoints, "User.UserId,ChannelType,Address\nu1,EMAIL,a@x.io\nu1,SMS,+15550100\nu2,EMAIL,b@x.io\n");
        LocalEngagementPlatform pinpoint = new LocalEngagementPlatform(store);
        finish(pinpoint, pinpoint.createImportJob(new ImportJobRequest(endpoints, "endpoints.csv", true, true)));
        ObjectRef segment = new ObjectRef("imports", "pinpoint/users.csv");
        store.writeText(segment, "User.UserId\nu1\nu3\n");

        ImportJob done = finish(pinpoint, pinpoint.createImportJob(new ImportJobRequest(segment, "users.csv", true, false)));

        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(pinpoint.segmentSizes()).containsEntry("users.csv", 2);
    }
}
