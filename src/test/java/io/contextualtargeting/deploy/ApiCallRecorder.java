package io.contextualtargeting.deploy;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Records the permissions every call of the clients it is added to needs (see {@link IamActions}). */
final class ApiCallRecorder implements ExecutionInterceptor {
    private final List<ApiCall> calls = new ArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        record(IamActions.of(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context.request()));
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

    synchronized void clear() {
        calls.clear();
    }

    private synchronized void record(List<ApiCall> needed) {
        calls.addAll(needed);
    }
}
