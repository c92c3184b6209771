package io.contextualtargeting.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.local.cloudformation.ResolvedTemplates.Resource;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each handler starts in JVM mode from the packaged target/function.zip when QUARKUS_LAMBDA_HANDLER
 * chooses it, as the Lambda Java runtime would start it: the zip unpacked, AWS's runtime interface
 * client (the java runtimes' own) running QuarkusStreamHandler against a local Lambda Runtime API,
 * the function's environment from the template, fake credentials. Each gets a minimal valid
 * input and must answer it: a response, or the error of its first AWS call (refused by the stub),
 * which shows the handler was chosen, read its input and built its adapters from the environment.
 */
class HandlersStartIT {
    private static final Path FUNCTION_ZIP = Path.of("target", "function.zip");
    private static final Path RUNTIME_CLIENT = Path.of("target", "lambda-runtime");
    private static final String JNI_LIBRARY = "libaws-lambda-jni.so";
    private static final String JOB = "arn:aws:personalize:us-east-1:123456789012:batch-segment-job/j";

    @TempDir
    static Path task;

    /** Unpacks function.zip as Lambda does into /var/task. */
    @BeforeAll
    static void unpack() throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(FUNCTION_ZIP))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = task.resolve(entry.getName()).normalize();
                if (!target.startsWith(task)) {
                    throw new IOException("zip entry outside the folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
        unpackRuntimeClientLibrary();
    }

    /**
     * The runtime client unpacks its JNI library to one fixed file, /tmp/.libaws-lambda-jni.so, unless
     * told where it is: two handlers starting at once would overwrite it under each other (SIGBUS).
     */
    private static void unpackRuntimeClientLibrary() throws IOException {
        String arch = System.getProperty("os.arch").equals("aarch64") ? "aarch_64" : "x86_64";
        try (ZipFile client = new ZipFile(RUNTIME_CLIENT.resolve("aws-lambda-java-runtime-interface-client.jar").toFile());
             InputStream library = client.getInputStream(client.getEntry("jni/libaws-lambda-jni.linux-" + arch + ".so"))) {
            Files.copy(library, task.resolve(JNI_LIBRARY));
        }
    }

    /** Handler, minimal input, and what its answer must contain. */
    static Stream<Arguments> handlers() {
        return Stream.of(
                Arguments.of("summarize-segments", "{\"jobArn\": \"" + JOB + "\", \"jobName\": \"j\", \"reports\": []}",
                        "response", "\"outcome\":\"SUCCEEDED\""),
                Arguments.of("write-segment", "{\"segment\": {\"index\": 0, \"name\": \"s\", \"query\": \"q\", \"userCount\": 0,"
                        + " \"error\": \"query failed\"}, \"importBucket\": \"b\", \"importPrefix\": \"p/\", \"fileForm\": \"Id\"}",
                        "response", "\"error\":\"query failed\""),
                Arguments.of("validate-training-config", "{\"bucket\": \"b\", \"key\": \"train/c.json\", \"time\": \"2026-01-01T00:00:00Z\"}",
                        "error", "cannot look up s3://b/train/c.json"),
                Arguments.of("create-dataset-group", "{\"name\": \"g\"}", "error", "rejected ListDatasetGroups"),
                Arguments.of("import-dataset", "{\"datasetGroupArn\": \"arn:g\", \"dataset\": {\"type\": \"USERS\", \"name\": \"u\","
                        + " \"schemaName\": \"s\", \"schema\": \"{}\", \"data\": \"s3://b/u.csv\", \"importJobName\": \"i\"}}",
                        "error", "rejected ListSchemas"),
                Arguments.of("create-solution", "{\"datasetGroupArn\": \"arn:g\", \"solution\": {\"name\": \"s\", \"recipeArn\": \"arn:r\"}}",
                        "error", "rejected ListSolutions"),
                Arguments.of("train-solution-version", "{\"name\": \"s\", \"arn\": \"arn:s\", \"solutionVersionName\": \"v\"}",
                        "error", "rejected ListSolutionVersions"),
                Arguments.of("create-batch-segment-job", "{\"solutionVersionArn\": \"arn:v\", \"job\": {\"jobName\": \"j\","
                        + " \"input\": \"s3://b/in.json\", \"outputPrefix\": \"s3://b/out/\", \"numResults\": 5}}",
                        "error", "rejected ListBatchSegmentJobs"),
                Arguments.of("prepare-segments", "{\"jobArn\": \"" + JOB + "\"}", "error", "rejected DescribeBatchSegmentJob"),
                Arguments.of("start-segment-import", "{\"bucket\": \"b\", \"key\": \"pinpoint/s.csv\", \"expectedBucket\": \"b\","
                        + " \"expectedPrefix\": \"pinpoint/\"}", "error", "cannot look up s3://b/pinpoint/s.csv"),
                Arguments.of("check-segment-import", "{\"jobId\": \"job-1\", \"segmentName\": \"s.csv\"}", "error",
                        "rejected GetImportJob"),
                Arguments.of("find-dataset-group-resources", "{\"datasetGroup\": \"g\"}", "error", "rejected ListDatasetGroups"),
                Arguments.of("delete-dataset-group", "{\"name\": \"g\"}", "response", "\"datasetGroup\":\"g\""),
                Arguments.of("notify", "{\"workflow\": \"training\", \"outcome\": \"FAILED\", \"details\": null}", "error",
                        "rejected Publish"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handlers")
    @Execution(ExecutionMode.CONCURRENT) // two handler JVMs at a time (failsafe's parallelism): each mostly starts up
    void handlerStartsFromFunctionZipAndAnswers(String handler, String input, String kind, String expected) throws Exception {
        Resource function = Repository.deployed("AWS::Serverless::Function").stream()
                .filter(f -> handler.equals(Repository.environment(f).get("QUARKUS_LAMBDA_HANDLER"))).findFirst().orElseThrow();

        LambdaRuntimeApiStub.Outcome outcome = answer(function, input);

        assertThat(outcome.kind()).as("%s answered %s", handler, outcome.body()).isEqualTo(kind);
        assertThat(outcome.body()).contains(expected);
    }

    /**
     * One function.zip serves both engines: the same handler in the SegmentationEngine=Embedded stack
     * runs the engine, whose first call reads the solution's record from S3 (refused by the stub)
     * instead of listing Personalize's solution versions.
     */
    @Test
    void theEngineFunctionOfTheEmbeddedStackStartsFromTheSameZipAndReadsItsRecordsFromS3() throws Exception {
        Resource function = Repository.resolved(Repository.PARAMETER_SETS.get(3)).stream()
                .filter(f -> f.logicalId().equals("TrainSolutionVersionFunction")).findFirst().orElseThrow();

        LambdaRuntimeApiStub.Outcome outcome = answer(function, "{\"name\": \"s\", \"solutionVersionName\": \"v\","
                + " \"arn\": \"arn:aws:personalize:us-east-1:embedded:solution/s\"}");

        assertThat(outcome.kind()).as(outcome.body()).isEqualTo("error");
        assertThat(outcome.body()).contains("embedded-engine/solution/s").doesNotContain("ListSolutionVersions");
    }

    /** Starts the function from the unpacked zip, gives it one input and returns its answer. */
    private static LambdaRuntimeApiStub.Outcome answer(Resource function, String input) throws Exception {
        try (LambdaRuntimeApiStub runtimeApi = new LambdaRuntimeApiStub(input)) {
            Process process = start(function, runtimeApi);
            try {
                return runtimeApi.outcome().get(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError(function.logicalId() + " did not answer within 60 s:\n" + output(process), e);
            } finally {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void everyHandlerIsStarted() {
        assertThat(handlers().map(a -> (String) a.get()[0])).containsExactlyInAnyOrderElementsOf(Handlers.byName().keySet());
    }

    private static Process start(Resource function, LambdaRuntimeApiStub runtimeApi) throws IOException {
        List<String> classpath = List.of(task.toString(), task.resolve("lib") + File.separator + "*",
                RUNTIME_CLIENT.toAbsolutePath() + File.separator + "*");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xmx256m", "-cp", String.join(File.pathSeparator, classpath),
                "-Dcom.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI="
                        + task.resolve(JNI_LIBRARY).toAbsolutePath(),
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest")
                .directory(task.toFile())
                .redirectErrorStream(true)
                .redirectOutput(task.resolve(function.logicalId() + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("QUARKUS_"));
        env.putAll(Repository.environment(function));
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", function.properties().path("MemorySize").asText());
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "test-key");
        env.put("AWS_SECRET_ACCESS_KEY", "test-secret");
        // Every AWS client calls the stub: the SDK's own setting, and the Quarkus extensions' for S3 and SNS.
        env.put("AWS_ENDPOINT_URL", runtimeApi.url());
        env.put("QUARKUS_S3_ENDPOINT_OVERRIDE", runtimeApi.url());
        env.put("QUARKUS_S3_PATH_STYLE_ACCESS", "true");
        env.put("QUARKUS_SNS_ENDPOINT_OVERRIDE", runtimeApi.url());
        return builder.start();
    }

    private static String output(Process process) {
        try (InputStream ignored = process.getInputStream()) {
            List<String> logs = new ArrayList<>();
            try (Stream<Path> files = Files.list(task)) {
                for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                    logs.add(log.getFileName() + ":\n" + Files.readString(log));
                }
            }
            return String.join("\n", logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
