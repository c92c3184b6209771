package io.contextualtargeting.aws;

/**
 * AWS refused the request (a 4xx answer other than throttling: invalid input, missing resource,
 * access denied). It was not retried: the same request would be refused again.
 */
public final class AwsRequestRejectedException extends AwsCallException {

    AwsRequestRejectedException(String message, String service, String action, String errorCode, int statusCode,
                                Throwable cause) {
        super(message, service, action, errorCode, statusCode, cause);
    }
}
