package io.contextualtargeting.aws;

import java.io.IOException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Runs calls to one AWS service and turns the SDK's failures into {@link AwsRequestRejectedException}
 * or {@link AwsServiceUnavailableException} with a message that names the action and the resource.
 * Retries happen below, in the client's retry strategy; this only reports the final outcome.
 */
final class AwsCalls {
    private final String service;

    AwsCalls(String service) {
        this.service = service;
    }

    /**
     * @param action  the API action, as IAM and CloudTrail name it
     * @param subject what the call is about ({@code "dataset group 'bingewatch'"}), for the message
     */
    <T> T call(String action, String subject, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw failure(action, subject, e);
        }
    }

    /**
     * An {@link AwsCallException}, or an {@link IllegalStateException} when the call could not be
     * made at all for a reason of this side (no region, no credentials): retrying would not help.
     */
    RuntimeException failure(String action, String subject, SdkException e) {
        String attempts = e.numAttempts() == null || e.numAttempts() <= 1 ? "" : " after " + e.numAttempts() + " attempts";
        if (!(e instanceof SdkServiceException answered)) {
            if (!causedByIo(e)) {
                return new IllegalStateException(service + " " + action + " for " + subject + " could not be called: "
                        + e.getMessage() + "; check the function's region, credentials and settings", e);
            }
            return new AwsServiceUnavailableException(service + " " + action + " for " + subject + " got no answer"
                    + attempts + ": " + e.getMessage() + "; retry later", service, action, null, 0, e);
        }
        AwsErrorDetails details = e instanceof AwsServiceException aws ? aws.awsErrorDetails() : null;
        String code = details == null ? null : details.errorCode();
        String reason = details == null || details.errorMessage() == null ? e.getMessage() : details.errorMessage();
        String where = " [" + (code == null ? "" : code + ", ") + "HTTP " + answered.statusCode()
                + (answered.requestId() == null ? "" : ", request " + answered.requestId()) + "]";
        if (isTransient(e)) {
            return new AwsServiceUnavailableException(service + " " + action + " for " + subject + " failed" + attempts
                    + ": " + reason + where + "; the service is throttling or failing, retry later",
                    service, action, code, answered.statusCode(), e);
        }
        return new AwsRequestRejectedException(service + " rejected " + action + " for " + subject + ": " + reason
                + where + "; not retried, the same request would be rejected again",
                service, action, code, answered.statusCode(), e);
    }

    private static boolean causedByIo(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** Throttling, a 5xx answer or no answer at all (I/O): the same call may succeed later. */
    static boolean isTransient(SdkException e) {
        if (e instanceof SdkServiceException answered) {
            return answered.isThrottlingException() || answered.statusCode() >= 500
                    || RetrySettings.isThrottling(answered);
        }
        return causedByIo(e);
    }
}
