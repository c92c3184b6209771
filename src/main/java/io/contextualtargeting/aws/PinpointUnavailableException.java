package io.contextualtargeting.aws;

/**
 * Amazon Pinpoint answered that the application or the feature is not there for this account
 * (NotFoundException on the application, ForbiddenException). Pinpoint's engagement features
 * (endpoints, segments, imports) reached end of support on 2026-10-30, so this is expected on
 * accounts that never used them; the message says so and where the segment files remain.
 */
public final class PinpointUnavailableException extends RuntimeException {

    PinpointUnavailableException(String applicationId, String action, String awsReason, String segmentFiles,
                                 Throwable cause) {
        super("Amazon Pinpoint " + action + " failed: application '" + applicationId + "' or the feature is not"
                + " available to this account (" + awsReason + "). Amazon Pinpoint's engagement features (endpoints,"
                + " segments, imports) reached end of support on 2026-10-30 and cannot be used by accounts that did not"
                + " use them before. The segment files remain in S3 (" + segmentFiles + "): import them into the tool"
                + " that replaces Pinpoint (AWS suggests Amazon Connect Customer Profiles), or check"
                + " PINPOINT_APPLICATION_ID and the role's permissions.", cause);
    }
}
