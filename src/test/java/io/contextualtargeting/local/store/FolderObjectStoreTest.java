package io.contextualtargeting.local.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contextualtargeting.ports.ObjectNotFoundException;
import io.contextualtargeting.ports.ObjectRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderObjectStoreTest {
    @TempDir
    Path root;
    private final List<String> created = new ArrayList<>();

    private FolderObjectStore store() {
        return new FolderObjectStore(root, (ref, size, etag) -> created.add(ref.key() + ":" + size + ":" + etag));
    }

    @Test
    void writtenObjectsCanBeReadListedAndAnnounced() {
        FolderObjectStore store = store();
        ObjectRef ref = new ObjectRef("bucket-a", "train/bw/config.json");

        store.writeText(ref, "hello");

        assertThat(store.readText(ref)).isEqualTo("hello");
        assertThat(store.exists(ref)).isTrue();
        assertThat(store.list("bucket-a", "train/")).containsExactly(ref);
        assertThat(created).containsExactly("train/bw/config.json:5:5d41402abc4b2a76b9719d911017c592");
    }

    @Test
    void aFailedWriteLeavesNoObjectAndNoEvent() {
        FolderObjectStore store = store();
        ObjectRef ref = new ObjectRef("bucket-a", "half.csv");

        assertThatThrownBy(() -> store.write(ref, out -> {
            out.write("Id\n1\n".getBytes());
            throw new IOException("disk full");
        })).hasMessageContaining("cannot write");

        assertThat(store.exists(ref)).isFalse();
        assertThat(created).isEmpty();
        assertThat(store.list("bucket-a", "")).isEmpty();
    }

    @Test
    void writeIfAbsentKeepsTheFirstObject() {
        FolderObjectStore store = store();
        ObjectRef ref = new ObjectRef("bucket-a", "pinpoint/seg.csv");

        assertThat(store.writeIfAbsent(ref, out -> out.write('1'))).isTrue();
        assertThat(store.writeIfAbsent(ref, out -> out.write('2'))).isFalse();

        assertThat(store.readText(ref)).isEqualTo("1");
        assertThat(created).hasSize(1);
    }

    @Test
    void ofConcurrentConditionalWritersExactlyOneWins() throws Exception {
        FolderObjectStore store = store();
        ObjectRef ref = new ObjectRef("bucket-a", "race.csv");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int writer = i;
            results.add(pool.submit(() -> {
                start.await();
                return store.writeIfAbsent(ref, out -> out.write(("w" + writer).getBytes()));
            }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> result : results) {
            winners += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(winners).isEqualTo(1);
        assertThat(store.readText(ref)).startsWith("w");
    }

    @Test
    void keysThatLeaveTheBucketAreRefused() {
        FolderObjectStore store = store();

        for (String key : List.of("../escape", "a/../../b", "/abs", "a//b", "a/./b", "")) {
            assertThatThrownBy(() -> store.writeText(new ObjectRef("bucket-a", key), "x")).as(key)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store.writeText(new ObjectRef("../x", "k"), "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(root.getParent().resolve("escape")).doesNotExist();
    }

    @Test
    void aBucketNameThatLeavesTheRootIsRefusedWhenListing() {
        FolderObjectStore store = store();

        for (String bucket : List.of("..", ".", "a/../..")) {
            assertThatThrownBy(() -> store.list(bucket, "")).as(bucket).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void missingObjectsAreNamed() {
        ObjectRef ref = new ObjectRef("bucket-a", "nope.csv");

        assertThatThrownBy(() -> store().read(ref)).isInstanceOf(ObjectNotFoundException.class).hasMessage("no object at s3://bucket-a/nope.csv");
    }

    @Test
    void listingIsInKeyOrderAndSkipsUnfinishedUploads() throws IOException {
        FolderObjectStore store = store();
        store.writeText(new ObjectRef("bucket-a", "b/2"), "x");
        store.writeText(new ObjectRef("bucket-a", "a/1"), "x");
        store.writeText(new ObjectRef("bucket-a", "b/1"), "x");
        Files.writeString(Files.createDirectories(root.resolve("bucket-a/.uploads")).resolve("object1.part"), "partial");

        assertThat(store.list("bucket-a", "")).extracting(ObjectRef::key).containsExactly("a/1", "b/1", "b/2");
        assertThat(store.list("bucket-a", "b/")).extracting(ObjectRef::key).containsExactly("b/1", "b/2");
    }
}
