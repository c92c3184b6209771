package io.contextualtargeting.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.engine.segment.SegmentModelTrainer;
import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.functions.CheckSegmentImportFunction;
import io.contextualtargeting.functions.CreateBatchSegmentJobFunction;
import io.contextualtargeting.functions.CreateDatasetGroupFunction;
import io.contextualtargeting.functions.CreateSolutionFunction;
import io.contextualtargeting.functions.DeleteDatasetGroupFunction;
import io.contextualtargeting.functions.FindDatasetGroupResourcesFunction;
import io.contextualtargeting.functions.ImportDatasetFunction;
import io.contextualtargeting.functions.NotifyFunction;
import io.contextualtargeting.functions.PrepareSegmentsFunction;
import io.contextualtargeting.functions.StartSegmentImportFunction;
import io.contextualtargeting.functions.SummarizeSegmentsFunction;
import io.contextualtargeting.functions.TrainSolutionVersionFunction;
import io.contextualtargeting.functions.ValidateTrainingConfigFunction;
import io.contextualtargeting.functions.WriteSegmentFunction;
import io.contextualtargeting.local.cloudformation.CloudModel;
import io.contextualtargeting.local.cloudformation.TemplateLoader;
import io.contextualtargeting.local.cloudformation.TemplateSource;
import io.contextualtargeting.local.events.Delivery;
import io.contextualtargeting.local.events.LocalEventBridge;
import io.contextualtargeting.local.notify.OutboxNotifier;
import io.contextualtargeting.embedded.EmbeddedSegmentationService;
import io.contextualtargeting.local.personalize.LocalSegmentationService;
import io.contextualtargeting.local.pinpoint.LocalEngagementPlatform;
import io.contextualtargeting.local.statemachine.ExecutionEnvironment;
import io.contextualtargeting.local.statemachine.ExecutionListener;
import io.contextualtargeting.local.statemachine.ExecutionRecord;
import io.contextualtargeting.local.statemachine.ExecutionStore;
import io.contextualtargeting.local.statemachine.LocalStepFunctions;
import io.contextualtargeting.local.statemachine.TaskServices;
import io.contextualtargeting.local.store.FolderObjectStore;
import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.ports.SegmentationService;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The deployed application, on this machine: the templates' state machines, rules, buckets and
 * functions, with the same handlers wired to local adapters (a folder for S3, the embedded engine
 * for Personalize, a local Pinpoint, an outbox for SNS) in a work folder.
 */
public final class LocalCloud {
    /** The template files, bundled in the jar under this classpath folder. */
    public static final String TEMPLATES = "deploy/";
    static final String STACK_NAME = "contextual-targeting";
    /** The work folder the CLI uses when none is given. */
    public static final String DEFAULT_WORK = ".local-run";
    /** The functions' variable naming the segmentation engine, and its value for the embedded engine in the functions. */
    private static final String ENGINE_VARIABLE = "SEGMENTATION_ENGINE";
    private static final String EMBEDDED = "Embedded";
    /** Set on the import function: the most interactions the engine's functions are sized to train. */
    private static final String MAX_INTERACTIONS = "EMBEDDED_ENGINE_MAX_INTERACTIONS";

    private final CloudModel model;
    private final FolderObjectStore store;
    private final LocalEngagementPlatform pinpoint;
    private final LocalSegmentationService personalize;
    private final OutboxNotifier outbox;
    private final LocalEventBridge events;
    private final LocalStepFunctions stepFunctions;
    private final ExecutionStore executions;

    private LocalCloud(Settings settings) {
        Clock clock = settings.clock();
        model = new TemplateLoader(settings.templates()).load("template.yaml", STACK_NAME, settings.parameters());
        events = LocalEventBridge.fromModel(model, clock, UUID::randomUUID);
        store = new FolderObjectStore(settings.work().resolve("s3"),
                (ref, size, etag) -> events.objectCreated(ref.bucket(), ref.key(), size, etag));
        pinpoint = new LocalEngagementPlatform(store, settings.held());
        outbox = new OutboxNotifier(settings.work().resolve("outbox"), settings.console());
        personalize = new LocalSegmentationService(store, settings.training(), SegmentModelTrainer::train, clock,
                settings.held());
        SegmentationService engine = segmentationEngine(model, personalize, store, settings.training(), clock);
        NotifyStep notify = new NotifyStep(new NotificationFormatter(arn -> executionLink(settings.work(), arn)), outbox);
        TrainingSteps training = new TrainingSteps(engine);
        List<RequestHandler<?, ?>> handlers = List.of(
                new ValidateTrainingConfigFunction(new ValidateTrainingConfig(store)),
                new CreateDatasetGroupFunction(training),
                new ImportDatasetFunction(new DatasetImport(engine, store)),
                new CreateSolutionFunction(training),
                new TrainSolutionVersionFunction(training),
                new CreateBatchSegmentJobFunction(training),
                new FindDatasetGroupResourcesFunction(new CleanupSteps(engine)),
                new DeleteDatasetGroupFunction(new CleanupSteps(engine)),
                new PrepareSegmentsFunction(new PrepareSegments(store, engine, clock)),
                new WriteSegmentFunction(new WriteSegment(store, pinpoint, 4)),
                new SummarizeSegmentsFunction(),
                new StartSegmentImportFunction(new StartSegmentImport(store, pinpoint)),
                new CheckSegmentImportFunction(new CheckSegmentImport(pinpoint)),
                new NotifyFunction(notify));
        executions = new ExecutionStore(settings.work());
        TaskServices services = new TaskServices(new LocalFunctions(model, handlers), events,
                (topicArn, subject, message) -> {
                    outbox.notify(subject == null ? topicArn : subject, message);
                    return UUID.randomUUID().toString();
                });
        stepFunctions = new LocalStepFunctions(model.stateMachines().stream().map(CloudModel.StateMachineResource::toStateMachine).toList(),
                services, executions, ExecutionEnvironment.system(settings.waitScale()), settings.listener());
    }

    /**
     * The segmentation service the template's functions use, as their SEGMENTATION_ENGINE says (the
     * SegmentationEngine parameter): the local Personalize stand-in, or the embedded engine as the
     * deployed functions run it, its records in the bucket EMBEDDED_ENGINE_BUCKET names.
     */
    private static SegmentationService segmentationEngine(CloudModel model, LocalSegmentationService personalize,
                                                          FolderObjectStore store, TrainingParameters training, Clock clock) {
        List<Map<String, String>> environments = model.functions().stream().map(CloudModel.LambdaFunction::environment)
                .filter(e -> e.containsKey(ENGINE_VARIABLE)).toList();
        List<String> engines = environments.stream().map(e -> e.get(ENGINE_VARIABLE)).distinct().toList();
        if (engines.size() > 1) {
            throw new IllegalStateException("the template's functions disagree on " + ENGINE_VARIABLE + ": " + engines);
        }
        if (!engines.equals(List.of(EMBEDDED))) {
            return personalize;
        }
        Map<String, String> environment = environments.stream().filter(e -> e.containsKey(MAX_INTERACTIONS)).findFirst()
                .orElse(environments.get(0));
        return new EmbeddedSegmentationService(store, environment.get("EMBEDDED_ENGINE_BUCKET"), CloudModel.REGION, training,
                clock, Long.parseLong(environment.getOrDefault(MAX_INTERACTIONS, "0")));
    }

    public static LocalCloud start(Settings settings) {
        return new LocalCloud(settings);
    }

    /** Uploads every file under {@code folder} to {@code bucket} under {@code prefix}, in key order, as {@code aws s3 sync} does. */
    public int sync(Path folder, String bucket, String prefix) {
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
            for (Path file : sorted) {
                String key = prefix + folder.relativize(file).toString().replace('\\', '/');
                store.write(new ObjectRef(bucket, key), out -> Files.copy(file, out));
            }
            return sorted.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot upload " + folder, e);
        }
    }

    /** Runs the executions that the queued events start, and those they start in turn, to the end. */
    public List<Delivery> drain() {
        return events.drain(stepFunctions);
    }

    /** The event buses: where tests put events of their own, or deliver one again as EventBridge may. */
    public LocalEventBridge events() {
        return events;
    }

    /** The deployed templates' resources: buckets, functions, state machines, buses and rules. */
    public CloudModel model() {
        return model;
    }

    /** Starts an execution of a state machine, as {@code aws stepfunctions start-execution}, and runs it to its end. */
    public ExecutionRecord startExecution(String stateMachineArn, JsonNode input) {
        return stepFunctions.startExecution(stateMachineArn, null, input);
    }

    /** An output of the root stack, as {@code sam deploy} prints it. */
    public String output(String name) {
        JsonNode value = model.root().outputs().get(name);
        if (value == null) {
            throw new IllegalArgumentException("the template has no output " + name + " (outputs: " + model.root().outputs().keySet() + ")");
        }
        return value.asText();
    }

    /** The name of a bucket of the root stack, by logical id. */
    public String bucket(String logicalId) {
        return model.bucket(logicalId).orElseThrow(() -> new IllegalStateException("the template has no bucket " + logicalId))
                .name();
    }

    public String parameter(String name) {
        return model.root().parameters().get(name).asText();
    }

    public FolderObjectStore store() {
        return store;
    }

    public LocalSegmentationService personalize() {
        return personalize;
    }

    public LocalEngagementPlatform pinpoint() {
        return pinpoint;
    }

    public OutboxNotifier outbox() {
        return outbox;
    }

    public ExecutionStore executions() {
        return executions;
    }

    /** Where a reader inspects a local execution: the CLI command that shows it. */
    private static String executionLink(Path work, String executionArn) {
        return cliCommand(work, "execution " + executionArn.substring(executionArn.lastIndexOf(':') + 1));
    }

    /**
     * The CLI command line that reads this work folder: {@code java -jar target/contextual-targeting-local.jar
     * <arguments>}, with {@code --work <work>} unless it is the default folder.
     */
    public static String cliCommand(Path work, String arguments) {
        String command = "java -jar target/contextual-targeting-local.jar " + arguments;
        return work.normalize().equals(Path.of(DEFAULT_WORK)) ? command : command + " --work " + work;
    }

    /**
     * How to start the local cloud.
     *
     * @param waitScale how long Wait states and retry intervals really wait (0: not at all)
     * @param clock     the time of events and of segment names (tests fix it to make uploads simultaneous)
     * @param held      the work that never ends, by Personalize ARN or Pinpoint import job id: it stays in
     *                  progress, as a training or an import that never finishes would ({@code id -> false}: none)
     */
    public record Settings(Path work, TemplateSource templates, Map<String, String> parameters,
                           TrainingParameters training, double waitScale, ExecutionListener listener,
                           java.io.PrintStream console, Clock clock, Predicate<String> held) {

        /** Every training and import finishes. */
        public Settings(Path work, TemplateSource templates, Map<String, String> parameters, TrainingParameters training,
                        double waitScale, ExecutionListener listener, java.io.PrintStream console, Clock clock) {
            this(work, templates, parameters, training, waitScale, listener, console, clock, id -> false);
        }

        /** On the system clock. */
        public Settings(Path work, TemplateSource templates, Map<String, String> parameters, TrainingParameters training,
                        double waitScale, ExecutionListener listener, java.io.PrintStream console) {
            this(work, templates, parameters, training, waitScale, listener, console, Clock.systemUTC());
        }
    }
}
