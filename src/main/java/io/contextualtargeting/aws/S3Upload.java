package io.contextualtargeting.aws;

import io.contextualtargeting.ports.ObjectRef;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * One object being written to S3 as a stream. Bytes collect in a buffer of one part; an object that
 * fits in one part is sent with a single PutObject, a larger one as a multipart upload whose parts
 * leave as they fill. Nothing is visible until {@link #complete()}; closing without completing
 * aborts the multipart upload, so a failed writer leaves no object and no stray parts.
 */
final class S3Upload extends OutputStream {

    /** S3 answers 409 when a conflicting write of the key is in flight; AWS advises to repeat the request. */
    private static final int CONFLICT_TRIES = 3;

    private final S3Client s3;
    private final ObjectRef ref;
    private final int partSize;
    private final boolean onlyIfAbsent;
    private final Part part = new Part();
    private final List<CompletedPart> completedParts = new ArrayList<>();
    private String uploadId;
    private boolean finished;

    S3Upload(S3Client s3, ObjectRef ref, int partSize, boolean onlyIfAbsent) {
        this.s3 = s3;
        this.ref = ref;
        this.partSize = partSize;
        this.onlyIfAbsent = onlyIfAbsent;
    }

    @Override
    public void write(int b) {
        if (part.size() == partSize) {
            uploadPart();
        }
        part.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        while (length > 0) {
            // A full part leaves only when more bytes come, so an object of exactly one part stays a single PUT.
            if (part.size() == partSize) {
                uploadPart();
            }
            int n = Math.min(length, partSize - part.size());
            part.write(bytes, offset, n);
            offset += n;
            length -= n;
        }
    }

    /** Makes the object appear; false when {@code onlyIfAbsent} and the key was taken meanwhile. */
    boolean complete() {
        if (uploadId != null && part.size() > 0) {
            uploadPart();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                boolean written = uploadId == null ? putWhole() : completeMultipart();
                finished = written;
                return written;
            } catch (S3Exception e) {
                if (e.statusCode() != 409 || attempt >= CONFLICT_TRIES) {
                    throw e;
                }
            }
        }
    }

    /** Aborts a multipart upload that was not completed. */
    @Override
    public void close() {
        if (uploadId != null && !finished) {
            finished = true;
            s3.abortMultipartUpload(b -> b.bucket(ref.bucket()).key(ref.key()).uploadId(uploadId));
        }
    }

    private boolean putWhole() {
        try {
            s3.putObject(b -> b.bucket(ref.bucket()).key(ref.key()).ifNoneMatch(onlyIfAbsent ? "*" : null),
                    part.body());
            return true;
        } catch (S3Exception e) {
            return preconditionFailed(e);
        }
    }

    private boolean completeMultipart() {
        try {
            s3.completeMultipartUpload(b -> b.bucket(ref.bucket()).key(ref.key()).uploadId(uploadId)
                    .multipartUpload(u -> u.parts(completedParts))
                    .ifNoneMatch(onlyIfAbsent ? "*" : null));
            return true;
        } catch (S3Exception e) {
            return preconditionFailed(e);
        }
    }

    /**
     * S3 answers 412 when {@code If-None-Match: *} finds the key taken. S3-compatible servers (s3mock)
     * answer 304 on CompleteMultipartUpload; on a write, 304 can only mean the same.
     */
    private static boolean preconditionFailed(S3Exception e) {
        if (e.statusCode() == 412 || e.statusCode() == 304) {
            return false;
        }
        throw e;
    }

    private void uploadPart() {
        if (uploadId == null) {
            uploadId = s3.createMultipartUpload(b -> b.bucket(ref.bucket()).key(ref.key())
                    .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
        }
        int partNumber = completedParts.size() + 1;
        UploadPartResponse response = s3.uploadPart(b -> b.bucket(ref.bucket()).key(ref.key()).uploadId(uploadId)
                .partNumber(partNumber).checksumAlgorithm(ChecksumAlgorithm.CRC32), part.body());
        completedParts.add(CompletedPart.builder().partNumber(partNumber).eTag(response.eTag())
                .checksumCRC32(response.checksumCRC32()).build());
        part.reset();
    }

    /** The part being filled; its body is read in place, without copying the buffer. */
    private static final class Part extends ByteArrayOutputStream {
        RequestBody body() {
            byte[] bytes = buf;
            int length = count;
            return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length,
                    "application/octet-stream");
        }
    }
}
