package io.contextualtargeting.aws;

/**
 * Amazon Pinpoint refused CreateImportJob because the account already runs as many import jobs as
 * it may (two at once, per Pinpoint's developer guide). The same request succeeds once a running job
 * ends, so the segment import workflow waits and retries on this class name, with a bound.
 */
public final class PinpointImportLimitException extends AwsCallException {
    /** Pinpoint's throttling answer as its API model names it (CreateImportJob: TooManyRequestsException, HTTP 429). */
    public static final String THROTTLED_ERROR_CODE = AwsErrorCode.TOO_MANY_REQUESTS.code();
    public static final int THROTTLED_STATUS = 429;

    PinpointImportLimitException(String segmentFile, AwsCallException refusal) {
        super("Amazon Pinpoint refused CreateImportJob for segment file " + segmentFile + ": the account runs as many"
                        + " import jobs as Pinpoint allows at once (" + refusal.getMessage() + "); wait for a running"
                        + " import to finish and retry",
                refusal.service(), refusal.action(), refusal.errorCode(), refusal.statusCode(), refusal);
    }

    /**
     * Pinpoint documents the limit but not its answer: throttling (HTTP 429, left after the client's own
     * retries) or a 400 whose message speaks of a limit or of concurrent jobs are both taken for it.
     */
    static boolean isImportLimit(AwsCallException refusal) {
        if (refusal.statusCode() == THROTTLED_STATUS || refusal.errorKind().isThrottling()) {
            return true;
        }
        String message = String.valueOf(refusal.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return refusal.statusCode() == 400 && (message.contains("limit") || message.contains("concurrent"));
    }
}
