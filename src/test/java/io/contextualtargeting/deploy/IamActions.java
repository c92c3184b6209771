package io.contextualtargeting.deploy;

import io.contextualtargeting.local.cloudformation.ResolvedTemplates;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.personalize.model.CreateBatchSegmentJobRequest;
import software.amazon.awssdk.services.personalize.model.CreateDatasetGroupRequest;
import software.amazon.awssdk.services.personalize.model.CreateDatasetImportJobRequest;
import software.amazon.awssdk.services.personalize.model.CreateDatasetRequest;
import software.amazon.awssdk.services.personalize.model.CreateSchemaRequest;
import software.amazon.awssdk.services.personalize.model.CreateSolutionRequest;
import software.amazon.awssdk.services.pinpoint.model.CreateImportJobRequest;
import software.amazon.awssdk.services.pinpoint.model.GetAppRequest;
import software.amazon.awssdk.services.pinpoint.model.GetImportJobRequest;
import software.amazon.awssdk.services.pinpoint.model.GetUserEndpointsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * What IAM authorizes for each AWS API call our adapters make: the action, and the ARN of the
 * resource in the form the Service Authorization Reference gives (Amazon Pinpoint's ARNs as its
 * developer guide lists them per action). A call missing here is reported as unmapped, so a new
 * call cannot slip past the permission checks.
 */
final class IamActions {
    /** Actions without resource-level permissions: a policy can grant them only on {@code *}. */
    static final Set<String> WITHOUT_RESOURCE_LEVEL = Set.of(
            "personalize:ListDatasetGroups", "personalize:ListSchemas", "personalize:ListDatasets",
            "personalize:ListDatasetImportJobs", "personalize:ListSolutions", "personalize:ListSolutionVersions",
            "personalize:ListBatchSegmentJobs", "personalize:ListRecipes", "personalize:ListFilters",
            "personalize:ListEventTrackers",
            "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
            "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups",
            "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets");

    /** S3 object operations and the action that authorizes each (HEAD is a read, multipart parts are writes). */
    private static final Map<String, String> S3_OBJECT_ACTIONS = Map.of("GetObject", "s3:GetObject",
            "HeadObject", "s3:GetObject", "PutObject", "s3:PutObject", "CreateMultipartUpload", "s3:PutObject",
            "UploadPart", "s3:PutObject", "CompleteMultipartUpload", "s3:PutObject",
            "AbortMultipartUpload", "s3:AbortMultipartUpload", "DeleteObject", "s3:DeleteObject");

    private static final String PERSONALIZE = "arn:aws:personalize:" + ResolvedTemplates.REGION + ":" + ResolvedTemplates.ACCOUNT + ":";
    private static final String PINPOINT = "arn:aws:mobiletargeting:" + ResolvedTemplates.REGION + ":" + ResolvedTemplates.ACCOUNT + ":apps/";

    private IamActions() {
    }

    /** The permissions a request needs; {@code service} and {@code operation} as the SDK names them. */
    static List<ApiCall> of(String service, String operation, SdkRequest request) {
        String why = service + "." + operation;
        String personalize = "personalize:" + operation;
        if ("Personalize".equals(service) && WITHOUT_RESOURCE_LEVEL.contains(personalize)) {
            return List.of(new ApiCall(personalize, "*", why));
        }
        String s3Action = S3_OBJECT_ACTIONS.get(operation);
        if ("S3".equals(service) && s3Action != null) {
            return List.of(new ApiCall(s3Action, "arn:aws:s3:::" + field(request, "Bucket") + "/" + field(request, "Key"), why));
        }
        if (request instanceof ListObjectsV2Request r) {
            return List.of(new ApiCall("s3:ListBucket", "arn:aws:s3:::" + r.bucket(),
                    Map.of("s3:prefix", r.prefix() == null ? "" : r.prefix()), why));
        }
        if (request instanceof PublishRequest r) {
            return List.of(new ApiCall("sns:Publish", r.topicArn(), why));
        }
        if (request instanceof CreateDatasetGroupRequest r) {
            return List.of(new ApiCall(personalize, PERSONALIZE + "dataset-group/" + r.name(), why));
        }
        if (request instanceof CreateSchemaRequest r) {
            return List.of(new ApiCall(personalize, PERSONALIZE + "schema/" + r.name(), why));
        }
        if (request instanceof CreateDatasetRequest r) {
            String group = r.datasetGroupArn().substring(r.datasetGroupArn().lastIndexOf('/') + 1);
            return List.of(new ApiCall(personalize, PERSONALIZE + "dataset/" + group + "/" + r.datasetType().toUpperCase(), why));
        }
        if (request instanceof CreateDatasetImportJobRequest r) {
            return List.of(new ApiCall(personalize, PERSONALIZE + "dataset-import-job/" + r.jobName(), why),
                    passRole(r.roleArn(), "personalize.amazonaws.com", why));
        }
        if (request instanceof CreateSolutionRequest r) {
            return List.of(new ApiCall(personalize, PERSONALIZE + "solution/" + r.name(), why));
        }
        if (request instanceof CreateBatchSegmentJobRequest r) {
            return List.of(new ApiCall(personalize, PERSONALIZE + "batch-segment-job/" + r.jobName(), why),
                    passRole(r.roleArn(), "personalize.amazonaws.com", why));
        }
        // Describe*, Delete*, Stop*, GetSolutionMetrics, and CreateSolutionVersion (authorized on its solution).
        boolean actsOnAnArn = !operation.startsWith("Create") || operation.equals("CreateSolutionVersion");
        if ("Personalize".equals(service) && actsOnAnArn && !operation.startsWith("List")) {
            return List.of(new ApiCall(personalize, arnOf(request), why));
        }
        if (request instanceof CreateImportJobRequest r) {
            return List.of(new ApiCall("mobiletargeting:CreateImportJob", PINPOINT + r.applicationId() + "/jobs/import", why),
                    passRole(r.importJobRequest().roleArn(), "pinpoint.amazonaws.com", why));
        }
        if (request instanceof GetImportJobRequest r) {
            return List.of(new ApiCall("mobiletargeting:GetImportJob",
                    PINPOINT + r.applicationId() + "/jobs/import/" + r.jobId(), why));
        }
        if (request instanceof GetUserEndpointsRequest r) {
            return List.of(new ApiCall("mobiletargeting:GetUserEndpoints", PINPOINT + r.applicationId() + "/users/" + r.userId(), why));
        }
        if (request instanceof GetAppRequest r) {
            return List.of(new ApiCall("mobiletargeting:GetApp", PINPOINT + r.applicationId(), why));
        }
        return List.of(new ApiCall("unmapped:" + why, "*", "add " + request.getClass().getSimpleName() + " to "
                + IamActions.class.getSimpleName()));
    }

    /**
     * S3 answers a request for a missing key with 404 only to a caller allowed s3:ListBucket on the
     * bucket; to anyone else with 403, which our object store cannot tell from a real denial.
     */
    static ApiCall listBucketToSeeMissingKeys(String bucket, String why) {
        return new ApiCall("s3:ListBucket", "arn:aws:s3:::" + bucket, why + " answered 404");
    }

    private static ApiCall passRole(String roleArn, String service, String why) {
        return new ApiCall("iam:PassRole", roleArn, Map.of("iam:PassedToService", service), why);
    }

    /**
     * The ARN a Personalize request acts on: its one ARN member (DescribeSolution's solutionArn,
     * StopSolutionVersionCreation's solutionVersionArn, CreateSolutionVersion's solutionArn...).
     */
    private static String arnOf(SdkRequest request) {
        List<String> arns = request.sdkFields().stream().filter(f -> f.memberName().endsWith("Arn"))
                .map(f -> f.getValueOrDefault(request)).filter(v -> v != null).map(Object::toString).toList();
        if (arns.size() != 1) {
            throw new IllegalArgumentException(request.getClass().getSimpleName() + " carries " + arns.size()
                    + " ARNs; map it explicitly in " + IamActions.class.getSimpleName());
        }
        return arns.get(0);
    }

    private static String field(SdkRequest request, String name) {
        return request.getValueForField(name, String.class).orElseThrow(() -> new IllegalArgumentException(
                request.getClass().getSimpleName() + " has no " + name));
    }
}
