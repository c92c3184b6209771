package io.contextualtargeting.ports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Objects in buckets: S3 on AWS, a folder locally. Large objects are streamed both ways, so
 * segment files never have to fit in memory. Failures are {@link UncheckedIOException}s,
 * a missing object is an {@link ObjectNotFoundException}.
 */
public interface ObjectStore {

    /** Opens the object for reading; the caller closes the stream. */
    InputStream read(ObjectRef ref);

    /**
     * Writes the object from what {@code content} writes. The object appears whole or not at all:
     * readers (and object-created events) never see a half-written object.
     */
    void write(ObjectRef ref, Content content);

    /**
     * Like {@link #write} but only when no object has that key yet (S3 conditional write,
     * {@code If-None-Match: *}); returns false, writing nothing, when one exists. Two concurrent
     * writers of one key: exactly one wins.
     */
    boolean writeIfAbsent(ObjectRef ref, Content content);

    /** The keys under a prefix, in key order. */
    List<ObjectRef> list(String bucket, String prefix);

    boolean exists(ObjectRef ref);

    void delete(ObjectRef ref);

    /** Writes the body of an object. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Convenience: writes a small text object. */
    default void writeText(ObjectRef ref, String text) {
        write(ref, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Convenience: reads a small text object whole. */
    default String readText(ObjectRef ref) {
        try (InputStream in = read(ref)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ref, e);
        }
    }
}
