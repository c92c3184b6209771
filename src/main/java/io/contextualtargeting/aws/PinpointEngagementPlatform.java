package io.contextualtargeting.aws;

import io.contextualtargeting.ports.EngagementPlatform;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import software.amazon.awssdk.services.pinpoint.PinpointClient;
import software.amazon.awssdk.services.pinpoint.model.EndpointResponse;
import software.amazon.awssdk.services.pinpoint.model.ForbiddenException;
import software.amazon.awssdk.services.pinpoint.model.Format;
import software.amazon.awssdk.services.pinpoint.model.ImportJobResponse;
import software.amazon.awssdk.services.pinpoint.model.NotFoundException;
import software.amazon.awssdk.services.pinpoint.model.PinpointException;

/**
 * The engagement platform on Amazon Pinpoint: segment imports from S3 (CreateImportJob, GetImportJob)
 * and endpoint look-ups (GetUserEndpoints). A user without endpoints is an empty list; an application
 * that is gone (Pinpoint's end of support) is a {@link PinpointUnavailableException}, never a
 * silent "nobody has endpoints".
 */
public final class PinpointEngagementPlatform implements EngagementPlatform {

    private static final String SEGMENT_FILES_UNKNOWN = "under the segment import prefix";

    private final PinpointClient pinpoint;
    private final String applicationId;
    private final Optional<String> importRoleArn;
    private final AwsCalls calls = new AwsCalls("Amazon Pinpoint");
    /** Set once GetApp has shown the application exists, so later NotFound answers mean "no such user". */
    private final AtomicBoolean applicationSeen = new AtomicBoolean();

    /**
     * @param importRoleArn the role Pinpoint assumes to read segment files from S3 (CreateImportJob's
     *                      RoleArn); functions that only look up endpoints or jobs may leave it empty
     */
    public PinpointEngagementPlatform(PinpointClient pinpoint, String applicationId, Optional<String> importRoleArn) {
        this.pinpoint = pinpoint;
        this.applicationId = applicationId;
        this.importRoleArn = importRoleArn.filter(arn -> !arn.isBlank());
    }

    @Override
    public ImportJob createImportJob(ImportJobRequest request) {
        String file = request.source().url();
        String roleArn = importRoleArn.orElseThrow(() -> new IllegalStateException("Amazon Pinpoint CreateImportJob"
                + " needs the role Pinpoint assumes to read " + file + ": set PINPOINT_IMPORT_ROLE_ARN in this"
                + " function's environment"));
        try {
            return importJob(call("CreateImportJob", "segment file " + file, file, true,
                    () -> pinpoint.createImportJob(r -> r.applicationId(applicationId).importJobRequest(j -> j
                            .format(Format.CSV)
                            .roleArn(roleArn)
                            .s3Url(file)
                            .defineSegment(request.defineSegment())
                            .segmentName(request.segmentName())
                            .registerEndpoints(request.registerEndpoints()))).importJobResponse()));
        } catch (AwsServiceUnavailableException | AwsRequestRejectedException e) {
            if (PinpointImportLimitException.isImportLimit(e)) {
                throw new PinpointImportLimitException(file, e);
            }
            throw e;
        }
    }

    @Override
    public ImportJob getImportJob(String jobId) {
        try {
            return importJob(call("GetImportJob", "import job " + jobId, SEGMENT_FILES_UNKNOWN, false,
                    () -> pinpoint.getImportJob(r -> r.applicationId(applicationId).jobId(jobId)).importJobResponse()));
        } catch (AwsRequestRejectedException e) {
            if (e.getCause() instanceof NotFoundException) {
                confirmApplication();
            }
            throw e;
        }
    }

    @Override
    public List<Endpoint> userEndpoints(String userId) {
        try {
            return call("GetUserEndpoints", "user '" + userId + "'", SEGMENT_FILES_UNKNOWN, false,
                    () -> pinpoint.getUserEndpoints(r -> r.applicationId(applicationId).userId(userId)).endpointsResponse()
                            .item().stream()
                            .map(PinpointEngagementPlatform::endpoint)
                            .toList());
        } catch (AwsRequestRejectedException e) {
            if (e.getCause() instanceof NotFoundException) {
                confirmApplication();
                return List.of();
            }
            throw e;
        }
    }

    /**
     * Pinpoint answers NotFound both for an unknown user (or job) and for a missing application; one
     * GetApp tells them apart and throws {@link PinpointUnavailableException} when the application is gone.
     */
    private void confirmApplication() {
        if (!applicationSeen.get()) {
            call("GetApp", "application '" + applicationId + "'", SEGMENT_FILES_UNKNOWN, true,
                    () -> pinpoint.getApp(r -> r.applicationId(applicationId)));
            applicationSeen.set(true);
        }
    }

    /**
     * Runs a call; Forbidden, and NotFound where the application is the only thing that can be
     * missing, mean that Pinpoint is not available to this account.
     */
    private <T> T call(String action, String subject, String segmentFiles, boolean notFoundMeansGone,
                       Supplier<T> call) {
        return calls.call(action, subject, () -> {
            try {
                return call.get();
            } catch (ForbiddenException e) {
                throw unavailable(action, segmentFiles, e);
            } catch (NotFoundException e) {
                if (notFoundMeansGone) {
                    throw unavailable(action, segmentFiles, e);
                }
                throw e;
            }
        });
    }

    private PinpointUnavailableException unavailable(String action, String segmentFiles, PinpointException e) {
        String reason = e.awsErrorDetails() == null ? e.getMessage()
                : e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
        return new PinpointUnavailableException(applicationId, action, reason, segmentFiles, e);
    }

    private static ImportJob importJob(ImportJobResponse job) {
        return new ImportJob(job.id(), job.jobStatusAsString(),
                job.definition() == null ? null : job.definition().segmentId(),
                zeroIfNull(job.totalProcessed()), zeroIfNull(job.totalFailures()),
                job.hasFailures() ? List.copyOf(job.failures()) : List.of());
    }

    private static Endpoint endpoint(EndpointResponse e) {
        return new Endpoint(e.id(), e.channelTypeAsString(), "ALL".equalsIgnoreCase(e.optOut()),
                !"INACTIVE".equalsIgnoreCase(e.endpointStatus()));
    }

    private static int zeroIfNull(Integer value) {
        return value == null ? 0 : value;
    }
}
