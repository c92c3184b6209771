package io.contextualtargeting.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contextualtargeting.formats.Json;
import io.contextualtargeting.local.cloudformation.ResolvedTemplates.Resource;
import io.contextualtargeting.local.cloudformation.ResolvedTemplates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaging check of template.yaml: its inline Python code, taken from the template, runs
 * under python3 with boto3 as the custom resource's function would during a deploy, against a
 * local Lambda and CloudFormation response URL, on zips shaped as the JVM and the native build
 * make them (and on the real target/function.zip when the build has made it). A mismatch answers
 * FAILED saying what to do, so the deploy rolls back before any function exists.
 */
class PackagingCheckIT {
    private static final List<Resource> STACK = Repository.resolved(Repository.PARAMETER_SETS.get(2));
    private static final String LAYER = resource("FunctionCode").name();
    private static final byte[] JVM_ZIP = zip("application.properties", "io/contextualtargeting/Main.class",
            "lib/io.quarkus.quarkus-core-3.33.2.jar", "lib/io.quarkus.quarkus-amazon-lambda-3.33.2.jar",
            "lib/io.quarkus.quarkus-amazon-lambda-common-3.33.2.jar");
    private static final byte[] NATIVE_ZIP = zip("bootstrap");

    @TempDir
    static Path code;
    private static EcosystemTool python;
    private CustomResourceStub aws;

    @BeforeAll
    static void writeTheInlineCode() throws IOException {
        python = EcosystemTool.requirePython("boto3", "pip install boto3");
        String inline = Repository.template(Repository.ROOT_TEMPLATE)
                .at("/Resources/PackagingCheckFunction/Properties/Code/ZipFile").asText();
        assertThat(inline).as("PackagingCheckFunction's Code.ZipFile").contains("def handler(");
        assertThat(inline.length()).as("CloudFormation's limit on inline code").isLessThanOrEqualTo(4096);
        Files.writeString(code.resolve("index.py"), inline);
    }

    @BeforeEach
    void startAws() {
        aws = new CustomResourceStub();
    }

    @AfterEach
    void stopAws() {
        aws.close();
    }

    @Test
    void aNativeZipPassesWithNativeAndAJvmZipWithJvm() {
        assertThat(check("Create", NATIVE_ZIP, "Native").path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(check("Update", JVM_ZIP, "Jvm").path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(aws.layerVersionArns()).containsOnly(LAYER);
    }

    @Test
    void aJvmZipWithNativeFailsSayingWhatToDo() {
        JsonNode answer = assertFailed(check("Create", JVM_ZIP, "Native"), "built for the JVM", "Packaging=Native",
                "Packaging=Jvm", "./mvnw package -Dnative", "--config-env native");

        assertThat(answer.path("PhysicalResourceId").asText()).isEqualTo("packaging-check");
        assertThat(answer.path("LogicalResourceId").asText()).isEqualTo("PackagingCheck");
    }

    @Test
    void aNativeZipWithJvmFailsSayingWhatToDo() {
        assertFailed(check("Update", NATIVE_ZIP, "Jvm"), "built native", "Packaging=Jvm", "Packaging=Native",
                "./mvnw package -DskipTests", "--config-env native");
    }

    private static JsonNode assertFailed(JsonNode answer, String... reason) {
        assertThat(answer.path("Status").asText()).isEqualTo("FAILED");
        assertThat(answer.path("Reason").asText()).contains(reason);
        return answer;
    }

    @Test
    void aZipOfNeitherBuildFailsBothWays() {
        byte[] other = zip("handler.py", "lib/io.quarkus.quarkus-amazon-lambda-common-3.33.2.jar");

        assertThat(check("Create", other, "Jvm").path("Status").asText()).isEqualTo("FAILED");
        assertThat(check("Create", other, "Native").path("Status").asText()).isEqualTo("FAILED");
    }

    @Test
    void whatCannotBeReadFailsInsteadOfLeavingTheStackWaiting() {
        JsonNode answer = check("Create", "not a zip".getBytes(), "Jvm");

        assertThat(answer.path("Status").asText()).isEqualTo("FAILED");
        assertThat(answer.path("Reason").asText()).contains("could not read function.zip");
    }

    /** A stack deletion (or the clean-up after a failed update) must never be blocked by the check. */
    @Test
    void deletionSucceedsWithoutReadingTheCode() {
        assertThat(check("Delete", "not a zip".getBytes(), "Native").path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(aws.layerVersionArns()).isEmpty();
    }

    /** The zip of the JVM build, when this build has made it (after {@code ./mvnw package}). */
    @Test
    void theBuildsOwnZipPassesOnlyWithJvm() throws IOException {
        Path built = Repository.ROOT.resolve("target/function.zip");
        Assumptions.assumeTrue(Files.exists(built), "no target/function.zip: run ./mvnw package");
        byte[] zip = Files.readAllBytes(built);
        boolean nativeBuild = check("Create", zip, "Native").path("Status").asText().equals("SUCCESS");
        Assumptions.assumeFalse(nativeBuild, "target/function.zip is a native build");

        assertThat(check("Create", zip, "Jvm").path("Status").asText()).isEqualTo("SUCCESS");
    }

    /** The role grants what the code calls (and the Lambda runtime needs for its logs and traces), nothing else. */
    @Test
    void theRoleGrantsExactlyWhatTheCheckCalls() {
        check("Create", JVM_ZIP, "Jvm");
        String logGroup = resource("PackagingCheckLogGroup").properties().path("LogGroupName").asText();
        String streams = "arn:aws:logs:" + ResolvedTemplates.REGION + ":" + ResolvedTemplates.ACCOUNT + ":log-group:"
                + logGroup + ":log-stream:2026/12/02/[$LATEST]0f1e";
        List<ApiCall> calls = new ArrayList<>(aws.layerVersionArns().stream()
                .map(arn -> new ApiCall("lambda:GetLayerVersion", arn, "GetLayerVersionByArn")).toList());
        calls.add(new ApiCall("logs:CreateLogStream", streams, "the runtime's log stream"));
        calls.add(new ApiCall("logs:PutLogEvents", streams, "the runtime's logs"));
        calls.add(new ApiCall("xray:PutTraceSegments", "*", "active tracing"));
        calls.add(new ApiCall("xray:PutTelemetryRecords", "*", "active tracing"));

        assertThat(PermissionCheck.problems(Policy.ofRole(resource("PackagingCheckRole")), calls)).isEmpty();
        assertThat(resource("PackagingCheckFunction").properties().path("Role").asText())
                .endsWith(":role/" + resource("PackagingCheckRole").name());
    }

    /** Nothing that runs the project's code is created before the check has passed. */
    @Test
    void everyFunctionAndNestedStackOfTheRootWaitsForTheCheck() {
        JsonNode resources = Repository.template(Repository.ROOT_TEMPLATE).path("Resources");

        assertThat(resources.properties()).filteredOn(r -> List.of("AWS::Serverless::Function",
                "AWS::Serverless::Application").contains(r.getValue().path("Type").asText())).isNotEmpty()
                .allSatisfy(r -> assertThat(r.getValue().path("DependsOn").asText()).as(r.getKey())
                        .isEqualTo("PackagingCheck"));
        assertThat(resources.at("/PackagingCheck/Properties/Packaging/Ref").asText()).isEqualTo("Packaging");
        assertThat(resources.at("/PackagingCheck/Properties/LayerVersionArn/Ref").asText()).isEqualTo("FunctionCode");
        assertThat(resources.at("/FunctionCode/Properties/ContentUri").asText()).isEqualTo("target/function.zip");
    }

    @Test
    void theCheckLogsJsonToItsOwnLogGroupWithRetentionAndIsTraced() {
        JsonNode function = resource("PackagingCheckFunction").properties();
        JsonNode logGroup = resource("PackagingCheckLogGroup").properties();

        assertThat(function.at("/LoggingConfig/LogGroup").asText()).isEqualTo(logGroup.path("LogGroupName").asText());
        assertThat(function.at("/LoggingConfig/LogFormat").asText()).isEqualTo("JSON");
        assertThat(function.at("/TracingConfig/Mode").asText()).isEqualTo("Active");
        assertThat(logGroup.path("RetentionInDays").asInt()).isPositive();
    }

    private JsonNode check(String requestType, byte[] zip, String packaging) {
        aws.code(zip);
        ObjectNode event = Json.mapper().createObjectNode().put("RequestType", requestType)
                .put("ResponseURL", aws.responseUrl()).put("StackId", "arn:aws:cloudformation:us-east-1:0:stack/ct/1")
                .put("RequestId", "r-1").put("LogicalResourceId", "PackagingCheck").put("ResourceType", "Custom::PackagingCheck");
        event.putObject("ResourceProperties").put("ServiceToken", "arn:aws:lambda:us-east-1:0:function:check")
                .put("LayerVersionArn", LAYER).put("Packaging", packaging);
        EcosystemTool.Output output = python.run(List.of("-c", "import json, sys; sys.path.insert(0, sys.argv[1]); "
                        + "import index; index.handler(json.loads(sys.argv[2]), None)", code.toString(), event.toString()),
                Map.of("AWS_ENDPOINT_URL_LAMBDA", aws.endpoint().toString(), "AWS_DEFAULT_REGION", "us-east-1",
                        "AWS_ACCESS_KEY_ID", "test-key", "AWS_SECRET_ACCESS_KEY", "test-secret",
                        "AWS_CONFIG_FILE", "/dev/null", "AWS_SHARED_CREDENTIALS_FILE", "/dev/null"),
                Duration.ofSeconds(60));
        assertThat(output.exitCode()).as("the check's process: %s", output).isZero();
        assertThat(aws.response()).as("the answer to CloudFormation: %s", output).isNotNull();
        try {
            return Json.mapper().readTree(aws.response());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Resource resource(String logicalId) {
        return STACK.stream().filter(r -> r.logicalId().equals(logicalId)).findFirst().orElseThrow();
    }

    private static byte[] zip(String... names) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(name.getBytes());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
