package io.contextualtargeting.local.store;

import io.contextualtargeting.ports.ObjectRef;

/** Told of every object the local store creates, as S3 tells EventBridge. */
@FunctionalInterface
public interface ObjectCreatedListener {
    void objectCreated(ObjectRef ref, long size, String etag);
}
