package io.contextualtargeting.ports;

import java.util.Objects;

/** The address of one object in a bucket, as S3 names it. */
public record ObjectRef(String bucket, String key) {

    public ObjectRef {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        if (bucket.isBlank()) {
            throw new IllegalArgumentException("bucket name is empty");
        }
    }

    /** Parses {@code s3://bucket/key}. */
    public static ObjectRef parse(String s3Url) {
        if (s3Url == null || !s3Url.startsWith("s3://")) {
            throw new IllegalArgumentException("not an s3:// URL: " + s3Url);
        }
        String rest = s3Url.substring("s3://".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? new ObjectRef(rest, "") : new ObjectRef(rest.substring(0, slash), rest.substring(slash + 1));
    }

    /** The object with this key's folder and another file name. */
    public ObjectRef sibling(String fileName) {
        int slash = key.lastIndexOf('/');
        return new ObjectRef(bucket, slash < 0 ? fileName : key.substring(0, slash + 1) + fileName);
    }

    /** The last path segment of the key. */
    public String fileName() {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    public String url() {
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public String toString() {
        return url();
    }
}
