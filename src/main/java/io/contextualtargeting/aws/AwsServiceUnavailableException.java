package io.contextualtargeting.aws;

/**
 * AWS stayed throttled, failing (5xx) or unreachable through every bounded retry of the call; the
 * same request may succeed later, so a workflow may retry the whole step.
 */
public final class AwsServiceUnavailableException extends AwsCallException {

    AwsServiceUnavailableException(String message, String service, String action, String errorCode, int statusCode,
                                   Throwable cause) {
        super(message, service, action, errorCode, statusCode, cause);
    }
}
