package io.contextualtargeting.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contextualtargeting.ports.ObjectNotFoundException;
import io.contextualtargeting.ports.ObjectRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

class S3ObjectStoreTest {

    private static final String BUCKET = "segments";
    private static final int PART = S3ObjectStore.MIN_PART_SIZE;

    @RegisterExtension
    static final S3MockServer SERVER = new S3MockServer(BUCKET, "other-bucket");

    private static S3Client s3;
    private static S3ObjectStore store;

    @BeforeAll
    static void connect() {
        s3 = TestAws.factory(SERVER.endpoint().toString()).configure(S3Client.builder().forcePathStyle(true)).build();
        store = new S3ObjectStore(s3, PART);
    }

    @AfterAll
    static void disconnect() {
        s3.close();
    }

    @Test
    void multiMegabyteObjectIsUploadedInPartsAndReadsBackByteForByte() throws IOException {
        byte[] content = randomBytes(2 * PART + 12_345);
        ObjectRef ref = new ObjectRef(BUCKET, "big/users.jsonl");

        store.write(ref, out -> {
            for (int i = 0; i < content.length; i += 64 * 1024) {
                out.write(content, i, Math.min(64 * 1024, content.length - i));
            }
        });

        try (InputStream in = store.read(ref)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(s3.headObject(b -> b.bucket(BUCKET).key(ref.key())).eTag()).endsWith("-3\"");
    }

    @Test
    void objectOfExactlyOnePartIsOneSinglePut() throws IOException {
        byte[] content = randomBytes(PART);
        ObjectRef ref = new ObjectRef(BUCKET, "one-part.bin");

        store.write(ref, out -> out.write(content));

        try (InputStream in = store.read(ref)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(s3.headObject(b -> b.bucket(BUCKET).key(ref.key())).eTag()).doesNotContain("-");
    }

    @Test
    void smallAndEmptyObjectsRoundTrip() {
        ObjectRef small = new ObjectRef(BUCKET, "small.txt");
        ObjectRef empty = new ObjectRef(BUCKET, "empty.txt");

        store.writeText(small, "Id\nendpoint-1\n");
        store.write(empty, out -> { });

        assertThat(store.readText(small)).isEqualTo("Id\nendpoint-1\n");
        assertThat(store.readText(empty)).isEmpty();
    }

    @Test
    void listReturnsEveryKeyUnderThePrefixAcrossPages() throws InterruptedException {
        // Pages of 2 keys (max-keys) page through 5 objects as pages of 1,000 do through 1,005.
        int pageSize = 2;
        S3ObjectStore paging = new S3ObjectStore(s3, PART, pageSize);
        writeConcurrently(IntStream.range(0, 5).mapToObj(i -> new ObjectRef(BUCKET, "many/key-%04d".formatted(i))));
        store.writeText(new ObjectRef(BUCKET, "many-but-not-under/x"), "x");
        store.writeText(new ObjectRef(BUCKET, "elsewhere/x"), "x");

        List<ObjectRef> listed = paging.list(BUCKET, "many/");

        assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("many/").maxKeys(pageSize)).isTruncated())
                .as("one page does not hold them all").isTrue();
        assertThat(listed).hasSize(5).isSortedAccordingTo((a, b) -> a.key().compareTo(b.key()));
        assertThat(listed.get(0)).isEqualTo(new ObjectRef(BUCKET, "many/key-0000"));
        assertThat(listed.get(4)).isEqualTo(new ObjectRef(BUCKET, "many/key-0004"));
    }

    @Test
    void existsUntilDeleted() {
        ObjectRef ref = new ObjectRef(BUCKET, "to-delete.csv");
        store.writeText(ref, "x");

        assertThat(store.exists(ref)).isTrue();
        store.delete(ref);

        assertThat(store.exists(ref)).isFalse();
        assertThat(store.list(BUCKET, "to-delete")).isEmpty();
    }

    @Test
    void readingAMissingKeyIsObjectNotFound() {
        ObjectRef ref = new ObjectRef(BUCKET, "no/such/key.json");

        assertThatThrownBy(() -> store.read(ref))
                .isInstanceOfSatisfying(ObjectNotFoundException.class, e -> assertThat(e.ref()).isEqualTo(ref));
        assertThat(store.exists(ref)).isFalse();
    }

    @Test
    void writeIfAbsentWritesOnlyWhileTheKeyIsFree() {
        ObjectRef ref = new ObjectRef(BUCKET, "claims/execution-1");

        boolean first = store.writeIfAbsent(ref, out -> out.write("first".getBytes(StandardCharsets.UTF_8)));
        boolean second = store.writeIfAbsent(ref, out -> out.write("second".getBytes(StandardCharsets.UTF_8)));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(store.readText(ref)).isEqualTo("first");
    }

    @Test
    void writeIfAbsentLosesToAWriterThatCameBetweenCheckAndWrite() {
        ObjectRef ref = new ObjectRef(BUCKET, "claims/raced-small");

        boolean written = store.writeIfAbsent(ref, out -> {
            store.writeText(ref, "the other writer");
            out.write("mine".getBytes(StandardCharsets.UTF_8));
        });

        assertThat(written).isFalse();
        assertThat(store.readText(ref)).isEqualTo("the other writer");
    }

    /**
     * The other writer's object is not checked afterwards: s3mock's AbortMultipartUpload deletes the
     * existing object of the same key (S3 keeps it), so only the refusal and the abort are pinned.
     */
    @Test
    void multipartWriteIfAbsentLosesToAWriterThatCameBetweenCheckAndWrite() {
        ObjectRef ref = new ObjectRef(BUCKET, "claims/raced-large");
        byte[] mine = randomBytes(PART + 10);

        boolean written = store.writeIfAbsent(ref, out -> {
            store.writeText(ref, "the other writer");
            out.write(mine);
        });

        assertThat(written).isFalse();
        assertThat(openUploads()).isEmpty();
    }

    @Test
    void failingWriterLeavesNeitherObjectNorParts() {
        ObjectRef ref = new ObjectRef(BUCKET, "failed/segment.csv");

        assertThatThrownBy(() -> store.write(ref, out -> {
            out.write(randomBytes(PART + 1));
            throw new IOException("disk went away");
        })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("s3://segments/failed/segment.csv");

        assertThat(store.exists(ref)).isFalse();
        assertThat(openUploads()).isEmpty();
    }

    @Test
    void keysWithSpacesUnicodeAndSlashesRoundTrip() {
        List<ObjectRef> refs = List.of(
                new ObjectRef(BUCKET, "odd/with space/ITEMS genres = \"Action\".csv"),
                new ObjectRef(BUCKET, "odd/ünïcødé/日本語/ファイル.csv"),
                new ObjectRef(BUCKET, "odd/a+b=c&d%20e/endpoint/with//double.csv"));

        refs.forEach(ref -> store.writeText(ref, ref.key()));

        refs.forEach(ref -> assertThat(store.readText(ref)).isEqualTo(ref.key()));
        assertThat(store.list(BUCKET, "odd/")).containsExactlyInAnyOrderElementsOf(refs);
    }

    @Test
    void missingBucketIsAnIoFailureNamingTheObject() {
        ObjectRef ref = new ObjectRef("no-such-bucket", "x.csv");

        assertThatThrownBy(() -> store.writeText(ref, "x"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("s3://no-such-bucket/x.csv");
    }

    /** S3Mock spends most of a small PUT waiting on its disk, so a few threads fill the bucket faster. */
    private static void writeConcurrently(Stream<ObjectRef> refs) throws InterruptedException {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = refs.<Future<?>>map(ref -> writers.submit(() -> store.writeText(ref, "x"))).toList();
            for (Future<?> write : writes) {
                write.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            writers.shutdownNow();
        }
    }

    private static List<String> openUploads() {
        return s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads().stream().map(u -> u.key()).toList();
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
