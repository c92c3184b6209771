package io.contextualtargeting.workflow;

import io.contextualtargeting.ports.ObjectRef;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Object keys as S3 events carry them. */
public final class S3Keys {
    private S3Keys() {
    }

    /**
     * The object an S3 event names. S3 URL-encodes keys in its event notifications (a space
     * arrives as {@code +}, a {@code +} as {@code %2B}), so the key is decoded before use.
     */
    public static ObjectRef fromEvent(String bucket, String encodedKey) {
        if (bucket == null || bucket.isEmpty() || encodedKey == null || encodedKey.isEmpty()) {
            throw new IllegalArgumentException("the event names no object: bucket '" + bucket + "', key '" + encodedKey + "'");
        }
        return new ObjectRef(bucket, URLDecoder.decode(encodedKey, StandardCharsets.UTF_8));
    }
}
