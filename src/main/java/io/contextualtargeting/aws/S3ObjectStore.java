package io.contextualtargeting.aws;

import io.contextualtargeting.ports.ObjectNotFoundException;
import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.ports.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The object store on Amazon S3. Writes stream through {@link S3Upload}: at most one part
 * ({@link #DEFAULT_PART_SIZE}) is held in memory, whatever the object's size, and the object appears
 * only when the upload completes.
 */
public final class S3ObjectStore implements ObjectStore {

    /** 8 MiB: the SDK's own multipart threshold; S3 wants at least 5 MiB for every part but the last. */
    public static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;
    static final int MIN_PART_SIZE = 5 * 1024 * 1024;

    private final S3Client s3;
    private final int partSize;
    /** Keys per ListObjectsV2 page (max-keys), or null for S3's default of 1,000. */
    private final Integer listPageSize;

    public S3ObjectStore(S3Client s3) {
        this(s3, DEFAULT_PART_SIZE);
    }

    /** @param partSize bytes per multipart part, at least 5 MiB (S3's minimum) */
    public S3ObjectStore(S3Client s3, int partSize) {
        this(s3, partSize, null);
    }

    /** @param listPageSize keys per list page (max-keys): tests page through a few objects with it */
    S3ObjectStore(S3Client s3, int partSize, Integer listPageSize) {
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("S3 parts must be at least 5 MiB: " + partSize);
        }
        this.s3 = s3;
        this.partSize = partSize;
        this.listPageSize = listPageSize;
    }

    @Override
    public InputStream read(ObjectRef ref) {
        try {
            return s3.getObject(b -> b.bucket(ref.bucket()).key(ref.key()));
        } catch (NoSuchKeyException e) {
            throw new ObjectNotFoundException(ref);
        } catch (SdkException e) {
            throw failure("read", ref.url(), e);
        }
    }

    @Override
    public void write(ObjectRef ref, Content content) {
        upload(ref, content, false);
    }

    /**
     * A HEAD first spares uploading a large body that would be refused; the conditional write
     * ({@code If-None-Match: *}) still decides between concurrent writers.
     */
    @Override
    public boolean writeIfAbsent(ObjectRef ref, Content content) {
        return !exists(ref) && upload(ref, content, true);
    }

    @Override
    public List<ObjectRef> list(String bucket, String prefix) {
        try {
            return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).maxKeys(listPageSize)).contents().stream()
                    .map(object -> new ObjectRef(bucket, object.key()))
                    .toList();
        } catch (SdkException e) {
            throw failure("list", "s3://" + bucket + "/" + prefix, e);
        }
    }

    @Override
    public boolean exists(ObjectRef ref) {
        try {
            s3.headObject(b -> b.bucket(ref.bucket()).key(ref.key()));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw failure("look up", ref.url(), e);
        } catch (SdkException e) {
            throw failure("look up", ref.url(), e);
        }
    }

    @Override
    public void delete(ObjectRef ref) {
        try {
            s3.deleteObject(b -> b.bucket(ref.bucket()).key(ref.key()));
        } catch (SdkException e) {
            throw failure("delete", ref.url(), e);
        }
    }

    private boolean upload(ObjectRef ref, Content content, boolean onlyIfAbsent) {
        try (S3Upload upload = new S3Upload(s3, ref, partSize, onlyIfAbsent)) {
            content.writeTo(upload);
            return upload.complete();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + ref, e);
        } catch (SdkException e) {
            throw failure("write", ref.url(), e);
        }
    }

    private static UncheckedIOException failure(String verb, String what, SdkException e) {
        String message = "cannot " + verb + " " + what + ": " + e.getMessage();
        return AwsCalls.isTransient(e) ? new S3UnavailableException(message, e)
                : new UncheckedIOException(message, new IOException(e));
    }
}
