package io.contextualtargeting.aws;

import io.contextualtargeting.ports.WireValues;

/**
 * The AWS error codes this code acts on, matched exactly (never by message): the throttling codes
 * of the AWS SDK's own list (what {@code SdkServiceException.isThrottlingException()} recognises),
 * and those of Personalize that clean-up and the retries tell apart. Any other code is {@link #OTHER}.
 */
public enum AwsErrorCode {
    THROTTLING("Throttling", true),
    THROTTLING_EXCEPTION("ThrottlingException", true),
    THROTTLED_EXCEPTION("ThrottledException", true),
    TOO_MANY_REQUESTS("TooManyRequestsException", true),
    REQUEST_LIMIT_EXCEEDED("RequestLimitExceeded", true),
    REQUEST_THROTTLED("RequestThrottled", true),
    REQUEST_THROTTLED_EXCEPTION("RequestThrottledException", true),
    PROVISIONED_THROUGHPUT_EXCEEDED("ProvisionedThroughputExceededException", true),
    BANDWIDTH_LIMIT_EXCEEDED("BandwidthLimitExceeded", true),
    SLOW_DOWN("SlowDown", true),
    /** Personalize's answer both to a request rate and to a resource quota: see {@link RetrySettings}. */
    LIMIT_EXCEEDED("LimitExceededException", false),
    RESOURCE_NOT_FOUND("ResourceNotFoundException", false),
    RESOURCE_IN_USE("ResourceInUseException", false),
    OTHER(null, false);

    private final String code;
    private final boolean throttling;

    AwsErrorCode(String code, boolean throttling) {
        this.code = code;
        this.throttling = throttling;
    }

    /** The code of AWS's text, compared exactly; {@link #OTHER} for null or any code not listed. */
    public static AwsErrorCode of(String code) {
        return WireValues.parse(values(), AwsErrorCode::code, code, OTHER);
    }

    /** AWS's text of the code; null for {@link #OTHER}. */
    public String code() {
        return code;
    }

    /** The service throttles: the same call passes after a wait. */
    public boolean isThrottling() {
        return throttling;
    }
}
