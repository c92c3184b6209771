package io.contextualtargeting.aws;

import java.time.Duration;
import java.util.Locale;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * How the AWS clients retry: throttling (HTTP 429, {@code ThrottlingException},
 * {@code TooManyRequestsException}, Personalize's rate {@code LimitExceededException}) and 5xx
 * answers are retried up to {@code maxAttempts} calls in all, waiting a random time between zero and
 * {@code min(maxDelay, baseDelay * 2^(attempt-1))} (exponential backoff with full jitter). Other 4xx
 * answers are never retried.
 */
public record RetrySettings(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    /**
     * Defaults for the Lambda functions: 6 calls in all, 200 ms base, 20 s cap; the worst case
     * waits about 0.2+0.4+0.8+1.6+3.2 = 6.2 s, short against a 15-minute Lambda and long enough to
     * ride out a throttling burst of Pinpoint's account-wide rate limit.
     */
    /** Personalize's text of a LimitExceededException for a request rate, lower case. */
    private static final String REQUEST_RATE_LIMIT = "limit on the number of requests per second";

    public static final RetrySettings DEFAULT = new RetrySettings(6, Duration.ofMillis(200), Duration.ofSeconds(20));

    public RetrySettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay: " + baseDelay + ", " + maxDelay);
        }
    }

    /**
     * The SDK retry strategy. The circuit breaker (retry token bucket) is off: attempts are already
     * bounded per call, and a long batch of lookups must not start failing fast because an earlier
     * burst of throttling drained a shared bucket.
     */
    public RetryStrategy strategy() {
        BackoffStrategy fullJitter = BackoffStrategy.exponentialDelay(baseDelay, maxDelay);
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .backoffStrategy(fullJitter)
                .throttlingBackoffStrategy(fullJitter)
                .circuitBreakerEnabled(false)
                .retryOnException(RetrySettings::isThrottling)
                .treatAsThrottling(RetrySettings::isThrottling)
                .build();
    }

    /**
     * Whether the service throttles, by exact error code: one of the throttling codes of {@link
     * AwsErrorCode}, or Personalize's {@code LimitExceededException} for a request rate. Personalize
     * answers that one code both for a request rate and for resource quotas (too many running jobs);
     * only the first passes with a short wait, and only its documented text ("The limit on the number
     * of requests per second has been exceeded.") tells them apart.
     */
    static boolean isThrottling(Throwable error) {
        if (!(error instanceof AwsServiceException e) || e.awsErrorDetails() == null) {
            return false;
        }
        AwsErrorCode code = AwsErrorCode.of(e.awsErrorDetails().errorCode());
        return code.isThrottling() || code == AwsErrorCode.LIMIT_EXCEEDED && String.valueOf(e.awsErrorDetails()
                .errorMessage()).toLowerCase(Locale.ROOT).contains(REQUEST_RATE_LIMIT);
    }
}
