package io.contextualtargeting.deploy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.contextualtargeting.aws.AwsClientFactory;
import io.contextualtargeting.aws.AwsPortsProducer;
import io.contextualtargeting.aws.PersonalizeSegmentationService;
import io.contextualtargeting.aws.PinpointEngagementPlatform;
import io.contextualtargeting.aws.RetrySettings;
import io.contextualtargeting.aws.S3ObjectStore;
import io.contextualtargeting.aws.SnsNotifier;
import io.contextualtargeting.embedded.EmbeddedSegmentationService;
import io.contextualtargeting.formats.Json;
import io.contextualtargeting.local.cloudformation.ResolvedTemplates.Resource;
import io.contextualtargeting.local.cloudformation.ResolvedTemplates;
import io.contextualtargeting.ports.EngagementPlatform;
import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.ports.ObjectStore;
import io.contextualtargeting.ports.SegmentationService;
import io.contextualtargeting.workflow.ResourcePendingException;
import io.contextualtargeting.workflow.cleanup.CleanupSteps;
import io.contextualtargeting.workflow.imports.CheckSegmentImport;
import io.contextualtargeting.workflow.imports.StartSegmentImport;
import io.contextualtargeting.workflow.notify.NotificationFormatter;
import io.contextualtargeting.workflow.notify.NotifyStep;
import io.contextualtargeting.workflow.segments.PrepareSegments;
import io.contextualtargeting.workflow.segments.WriteSegment;
import io.contextualtargeting.workflow.training.DatasetImport;
import io.contextualtargeting.workflow.training.TrainingSteps;
import io.contextualtargeting.workflow.training.ValidateTrainingConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * One function of the template, run as Lambda would run it but in this JVM: the handler its
 * QUARKUS_LAMBDA_HANDLER names, with its workflow step built on the real AWS adapters, configured
 * from the function's own environment in the template, whose clients call the given endpoints and
 * report every call to a recorder.
 */
final class DeployedFunction implements AutoCloseable {
    private static final int MAX_POLLS = 8;

    private final Resource function;
    private final Map<String, String> environment;
    private final AwsClientFactory aws;
    private final AwsClientFactory s3;
    private final List<SdkClient> clients = new ArrayList<>();
    private final RequestHandler<Object, Object> handler;
    private final Class<?> inputType;

    /**
     * @param awsEndpoint where Personalize, Pinpoint and SNS are answered (an HTTP stub)
     * @param s3Endpoint  an S3-protocol server
     */
    DeployedFunction(Resource function, URI awsEndpoint, URI s3Endpoint, ApiCallRecorder recorder) {
        this.function = function;
        this.environment = Repository.environment(function);
        this.aws = factory(awsEndpoint, recorder);
        this.s3 = factory(s3Endpoint, recorder);
        Class<?> type = Handlers.byName().get(environment.get("QUARKUS_LAMBDA_HANDLER"));
        if (type == null) {
            throw new IllegalArgumentException(function.logicalId() + " runs no known handler: " + environment);
        }
        this.handler = construct(type);
        this.inputType = Handlers.handleRequest(type).getParameterTypes()[0];
    }

    /** Sample credentials and the template's sample region; retries without real waits. */
    static AwsClientFactory factory(URI endpoint, ApiCallRecorder recorder) {
        return new AwsClientFactory(Optional.of(Region.of(ResolvedTemplates.REGION)), Optional.of(endpoint),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test-key", "test-secret")),
                new RetrySettings(2, Duration.ofMillis(1), Duration.ofMillis(5)),
                recorder == null ? List.of() : List.of(recorder));
    }

    static S3Client s3Client(AwsClientFactory factory) {
        return factory.configure(S3Client.builder().forcePathStyle(true)).build();
    }

    Resource resource() {
        return function;
    }

    /**
     * Invokes the handler with the JSON payload the state machine sends, again while it answers
     * ResourcePendingException (as the state machine's Retry polls), and returns the result.
     */
    Object invoke(String payload) {
        Object input = read(payload);
        for (int poll = 1; ; poll++) {
            try {
                return handler.handleRequest(input, null);
            } catch (ResourcePendingException pending) {
                if (poll == MAX_POLLS) {
                    throw pending;
                }
            }
        }
    }

    /**
     * Writes through the function's object store one byte more than a part and fails before
     * completing, as a writer that dies mid-upload does: the store aborts the multipart upload.
     */
    void writeAndDie(ObjectRef ref) {
        try {
            store().write(ref, out -> {
                out.write(new byte[S3ObjectStore.DEFAULT_PART_SIZE + 1]);
                throw new IOException("the writer died");
            });
        } catch (UncheckedIOException expected) {
            return;
        }
        throw new AssertionError("the write of " + ref + " did not fail");
    }

    @Override
    public void close() {
        clients.forEach(SdkClient::close);
    }

    private Object read(String payload) {
        try {
            return Json.mapper().readValue(payload, inputType);
        } catch (IOException e) {
            throw new UncheckedIOException("payload of " + function.logicalId(), e);
        }
    }

    /** Builds the handler as CDI would, from the workflow step its constructor takes. */
    @SuppressWarnings("unchecked")
    private RequestHandler<Object, Object> construct(Class<?> type) {
        Constructor<?> constructor = type.getConstructors()[0];
        Object[] arguments = new Object[constructor.getParameterCount()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = step(constructor.getParameterTypes()[i]);
        }
        try {
            return (RequestHandler<Object, Object>) constructor.newInstance(arguments);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    private Object step(Class<?> type) {
        Map<Class<?>, Supplier<Object>> steps = Map.of(
                TrainingSteps.class, () -> new TrainingSteps(personalize()),
                DatasetImport.class, () -> new DatasetImport(personalize(), store()),
                CleanupSteps.class, () -> new CleanupSteps(personalize()),
                ValidateTrainingConfig.class, () -> new ValidateTrainingConfig(store()),
                PrepareSegments.class, () -> new PrepareSegments(store(), personalize(),
                        Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)),
                WriteSegment.class, () -> new WriteSegment(store(), pinpoint(), 2),
                StartSegmentImport.class, () -> new StartSegmentImport(store(), pinpoint()),
                CheckSegmentImport.class, () -> new CheckSegmentImport(pinpoint()),
                NotifyStep.class, () -> new NotifyStep(new NotificationFormatter(UnaryOperator.identity()), new SnsNotifier(
                        client(aws.configure(SnsClient.builder()).build()), environment.get("NOTIFICATION_TOPIC_ARN"))));
        Supplier<Object> step = steps.get(type);
        if (step == null) {
            throw new IllegalArgumentException("no way to build " + type.getName() + " here; add it as WorkflowBeans builds it");
        }
        return step.get();
    }

    private ObjectStore store() {
        return new S3ObjectStore(client(s3Client(s3)));
    }

    /** Personalize, or the embedded engine on the object store, as the function's SEGMENTATION_ENGINE says (as AwsPortsProducer chooses). */
    private SegmentationService personalize() {
        return AwsPortsProducer.segmentationService(environment.getOrDefault("SEGMENTATION_ENGINE", AwsPortsProducer.PERSONALIZE),
                () -> new PersonalizeSegmentationService(client(aws.personalize()),
                        Optional.ofNullable(environment.get("PERSONALIZE_ROLE_ARN"))),
                () -> EmbeddedSegmentationService.inFunction(store(), environment.get("EMBEDDED_ENGINE_BUCKET"), ResolvedTemplates.REGION,
                        Long.parseLong(environment.getOrDefault("EMBEDDED_ENGINE_MAX_INTERACTIONS", "0"))));
    }

    private EngagementPlatform pinpoint() {
        return new PinpointEngagementPlatform(client(aws.pinpoint()), environment.get("PINPOINT_APPLICATION_ID"),
                Optional.ofNullable(environment.get("PINPOINT_IMPORT_ROLE_ARN")));
    }

    private <C extends SdkClient> C client(C client) {
        clients.add(client);
        return client;
    }
}
