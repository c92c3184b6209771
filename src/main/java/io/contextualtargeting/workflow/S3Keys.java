package io.contextualtargeting.workflow;

import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.ports.ObjectStore;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Object keys as S3 events carry them. */
public final class S3Keys {
    private S3Keys() {
    }

    /**
     * The object an S3 event names. S3 URL-encodes keys in the notifications it sends to SQS, SNS
     * and Lambda ({@code my file.csv} arrives as {@code my+file.csv}) but not in the events it sends
     * to EventBridge, which start our workflows. So the key is taken as it is when that object
     * exists, else URL-decoded when that one exists; either way a notification routed through
     * another channel still finds its object. A key naming no object is returned as it is, so the
     * read that follows reports it.
     */
    public static ObjectRef fromEvent(ObjectStore store, String bucket, String key) {
        if (bucket == null || bucket.isEmpty() || key == null || key.isEmpty()) {
            throw new IllegalArgumentException("the event names no object: bucket '" + bucket + "', key '" + key + "'");
        }
        ObjectRef asSent = new ObjectRef(bucket, key);
        if (store.exists(asSent)) {
            return asSent;
        }
        ObjectRef decoded = new ObjectRef(bucket, decode(key));
        return !decoded.equals(asSent) && store.exists(decoded) ? decoded : asSent;
    }

    private static String decode(String key) {
        try {
            return URLDecoder.decode(key, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return key;
        }
    }
}
