package io.contextualtargeting.aws;

import io.contextualtargeting.formats.PersonalData;

/**
 * An AWS API call that failed. The message names the service, the action, the resource and AWS's
 * own reason, so it can be acted on without a stack trace; the subclass says whether a later retry
 * can help (Step Functions routes on the class name).
 */
public abstract class AwsCallException extends RuntimeException {
    private final String service;
    private final String action;
    private final String errorCode;
    private final int statusCode;

    protected AwsCallException(String message, String service, String action, String errorCode, int statusCode,
                               Throwable cause) {
        // The message names resources, e.g. a user id, which may be an e-mail address; it is logged.
        super(PersonalData.mask(message), cause);
        this.service = service;
        this.action = action;
        this.errorCode = errorCode;
        this.statusCode = statusCode;
    }

    /** The service, as a reader knows it ({@code Amazon Personalize}). */
    public String service() {
        return service;
    }

    /** The API action ({@code CreateBatchSegmentJob}). */
    public String action() {
        return action;
    }

    /** AWS's error code ({@code InvalidInputException}), or null when no answer came. */
    public String errorCode() {
        return errorCode;
    }

    /** AWS's error code as a type: {@link AwsErrorCode#OTHER} for a code not listed there or no answer. */
    public AwsErrorCode errorKind() {
        return AwsErrorCode.of(errorCode);
    }

    /** The HTTP status of the last answer, or 0 when no answer came. */
    public int statusCode() {
        return statusCode;
    }
}
