package io.contextualtargeting.local.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contextualtargeting.local.statemachine.EventPublisher;
import io.contextualtargeting.local.statemachine.Json;

import java.util.List;

/**
 * The "Object Created" event S3 sends to EventBridge for a bucket with EventBridge enabled, built as
 * S3 builds it (source {@code aws.s3}, the bucket ARN in resources, detail version 0, bucket name,
 * object key/size/etag/sequencer, request-id, requester, source-ip-address, reason).
 *
 * <p>The object key is NOT URL-encoded. Unlike the S3 event notifications sent to SQS, SNS and
 * Lambda (whose keys are URL-encoded: "red flower.jpg" becomes "red+flower.jpg", per the S3 user
 * guide page "Event message structure"), the EventBridge events carry the key as stored. Sources:
 * the S3 user guide page "EventBridge event message structure" (ev-events) example; a captured
 * real event whose key {@code raw/health-check/2023-08-08T14:03:40.532432.zip} kept its ':' and '/'
 * (gist vincentclaes/7a5eb53acc05b316c86769fed25d4e1a); LocalStack's AWS-validated
 * {@code EventBridgeNotifier}, which passes the raw key while its SQS/SNS/Lambda notifiers encode it.
 */
public final class S3Events {
    public static final String SOURCE = "aws.s3";
    public static final String OBJECT_CREATED = "Object Created";

    private S3Events() {
    }

    /**
     * The PutEvents entry for a completed PutObject.
     *
     * @param requestId 16 characters, as S3 request ids look
     * @param sequencer hexadecimal, increasing per key as S3 guarantees
     */
    public static EventPublisher.Entry objectCreated(String bucket, String key, long size, String etag,
                                                     String sequencer, String requestId, String account) {
        ObjectNode detail = Json.object();
        detail.put("version", "0");
        detail.putObject("bucket").put("name", bucket);
        detail.putObject("object").put("key", key).put("size", size).put("etag", etag).put("sequencer", sequencer);
        detail.put("request-id", requestId);
        detail.put("requester", account);
        detail.put("source-ip-address", "127.0.0.1");
        detail.put("reason", "PutObject");
        return new EventPublisher.Entry(SOURCE, OBJECT_CREATED, detail, "default", List.of("arn:aws:s3:::" + bucket));
    }
}
