package io.contextualtargeting.workflow;

import io.contextualtargeting.formats.InputException;
import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.ports.ObjectStore;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Object keys as S3 events carry them, and where a workflow accepts its input from. */
public final class S3Keys {
    private S3Keys() {
    }

    /**
     * The object an S3 event names. S3 URL-encodes keys in the notifications it sends to SQS, SNS
     * and Lambda ({@code my file.csv} arrives as {@code my+file.csv}) but not in the events it sends
     * to EventBridge, which start our workflows. So the key is taken as it is when that object
     * exists, else URL-decoded when that one exists; either way a notification routed through
     * another channel still finds its object. A key naming no object is returned as it is, so the
     * read that follows reports it. A key with a {@code .} or {@code ..} segment, a {@code //}, a
     * leading {@code /} or a backslash is refused before anything is looked up, decoded or not: no
     * layout of ours has one, and on a file system (the local store) it would name another folder.
     */
    public static ObjectRef fromEvent(ObjectStore store, String bucket, String key) {
        if (bucket == null || bucket.isEmpty() || key == null || key.isEmpty()) {
            throw new IllegalArgumentException("the event names no object: bucket '" + bucket + "', key '" + key + "'");
        }
        ObjectRef asSent = requirePlain(new ObjectRef(bucket, key));
        if (store.exists(asSent)) {
            return asSent;
        }
        ObjectRef decoded = new ObjectRef(bucket, decode(key));
        return !decoded.equals(asSent) && isPlain(decoded.key()) && store.exists(decoded) ? decoded : asSent;
    }

    /**
     * The object, when it is in {@code bucket} under {@code prefix} with a name ending in
     * {@code suffix} (in any case), where the workflow takes its input from; otherwise an error naming both.
     */
    public static ObjectRef requireUnder(ObjectRef ref, String bucket, String prefix, String suffix, String what) {
        if (!ref.bucket().equals(bucket) || !ref.key().startsWith(prefix)
                || !ref.key().toLowerCase(Locale.ROOT).endsWith(suffix) || !isPlain(ref.key())) {
            throw new InputException(ref.url(), 0, null, "not " + what + ": expected " + (suffix.isEmpty() ? "an" : "a " + suffix)
                    + " object under s3://" + bucket + "/" + prefix);
        }
        return ref;
    }

    private static ObjectRef requirePlain(ObjectRef ref) {
        if (!isPlain(ref.key())) {
            throw new InputException(ref.url(), 0, null, "the key has a '.' or '..' segment, a '//', a leading '/' or a"
                    + " backslash; such keys are refused: name the object without them");
        }
        return ref;
    }

    /** No '.' or '..' segment, no '//', leading '/', backslash or NUL: the key names the same place in S3 and in a folder. */
    private static boolean isPlain(String key) {
        if (key.startsWith("/") || key.indexOf('\\') >= 0 || key.indexOf('\0') >= 0) {
            return false;
        }
        for (String segment : key.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return !key.contains("//");
    }

    private static String decode(String key) {
        try {
            return URLDecoder.decode(key, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return key;
        }
    }
}
