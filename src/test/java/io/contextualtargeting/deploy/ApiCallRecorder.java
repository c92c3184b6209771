package io.contextualtargeting.deploy;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Records the permissions every call of the clients it is added to needs (see {@link IamActions}),
 * and the requests themselves (checked against botocore's models by {@link BotocoreModelCheck}).
 */
final class ApiCallRecorder implements ExecutionInterceptor {
    private final List<ApiCall> calls = new ArrayList<>();
    private final List<SentRequest> requests = new ArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        record(IamActions.of(service, operation, context.request()));
        synchronized (this) {
            requests.add(new SentRequest(service, operation, context.request()));
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (context.exception() instanceof S3Exception e && e.statusCode() == 404) {
            String why = "S3." + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            if (context.request() instanceof HeadObjectRequest r) {
                record(List.of(IamActions.listBucketToSeeMissingKeys(r.bucket(), why)));
            } else if (context.request() instanceof GetObjectRequest r) {
                record(List.of(IamActions.listBucketToSeeMissingKeys(r.bucket(), why)));
            }
        }
    }

    synchronized List<ApiCall> calls() {
        return List.copyOf(calls);
    }

    synchronized List<SentRequest> requests() {
        return List.copyOf(requests);
    }

    synchronized void clear() {
        calls.clear();
        requests.clear();
    }

    private synchronized void record(List<ApiCall> needed) {
        calls.addAll(needed);
    }

    /** One request as the SDK was asked to send it; {@code service} is the SDK's service name ({@code Personalize}, {@code Sns}). */
    record SentRequest(String service, String operation, SdkRequest request) {
    }
}
