package io.contextualtargeting.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.local.cloudformation.ResolvedTemplates.Resource;
import io.contextualtargeting.local.cloudformation.TemplateSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The two ways to build the functions, and the runtime each needs: {@code Packaging=Jvm} (default,
 * the plain {@code ./mvnw package} zip, which has no bootstrap: FunctionZipIT) runs on java21 with
 * SnapStart; {@code Packaging=Native} (the {@code -Dnative} zip, a bootstrap executable) on the custom
 * runtime. Both builds write target/function.zip, which every function deploys.
 */
class PackagingTest {
    static final String JVM_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    private static final Map<String, String> WITH_PINPOINT = Map.of("PinpointProjectId", "create", "SegmentFileForm", "Id");

    private static List<Resource> functions(String packaging) {
        Map<String, String> parameters = new HashMap<>(WITH_PINPOINT);
        parameters.put("Packaging", packaging);
        return Repository.resolved(parameters).stream().filter(r -> r.type().equals("AWS::Serverless::Function")).toList();
    }

    @Test
    void jvmIsTheDefaultBecauseThePlainBuildMakesItAndTheNativeEnvironmentSaysNative() {
        assertThat(Repository.template(Repository.ROOT_TEMPLATE).path("Parameters").path("Packaging").path("Default")
                .asText()).isEqualTo("Jvm");
        Map<String, Map<String, String>> samconfig = DefaultParametersTest.samconfigParameterOverrides();
        assertThat(samconfig.get("default")).doesNotContainKey("Packaging");
        assertThat(samconfig.get("native")).containsEntry("Packaging", "Native");
    }

    @Test
    void jvmPackagingRunsThePlainBuildOnJava21WithSnapStartThroughAnAlias() {
        assertThat(functions("Jvm")).hasSizeGreaterThanOrEqualTo(12).allSatisfy(function -> {
            JsonNode p = function.properties();
            assertThat(p.path("Runtime").asText()).as(function.logicalId()).isEqualTo("java21");
            assertThat(p.path("Handler").asText()).as(function.logicalId()).isEqualTo(JVM_HANDLER);
            assertThat(p.path("SnapStart").path("ApplyOn").asText()).as(function.logicalId()).isEqualTo("PublishedVersions");
            assertThat(p.path("AutoPublishAlias").asText()).as(function.logicalId()).isNotBlank();
            assertThat(codeUri(function)).as(function.logicalId()).isEqualTo("target/function.zip");
        });
    }

    @Test
    void nativePackagingRunsTheBootstrapOnTheCustomRuntime() {
        assertThat(functions("Native")).hasSizeGreaterThanOrEqualTo(12).allSatisfy(function -> {
            JsonNode p = function.properties();
            assertThat(p.path("Runtime").asText()).as(function.logicalId()).isEqualTo("provided.al2023");
            assertThat(p.has("SnapStart")).as(function.logicalId()).isFalse();
            assertThat(p.path("Environment").path("Variables").path("DISABLE_SIGNAL_HANDLERS").asText())
                    .as(function.logicalId()).isEqualTo("true");
            assertThat(codeUri(function)).as(function.logicalId()).isEqualTo("target/function.zip");
        });
    }

    /** SnapStart applies to published versions only: the state machines must invoke the alias, not $LATEST. */
    @Test
    void stateMachinesInvokeTheFunctionsAlias() {
        List<Resource> machines = Repository.resolved(WITH_PINPOINT).stream()
                .filter(r -> r.type().equals("AWS::Serverless::StateMachine")).toList();

        assertThat(machines).hasSize(4).allSatisfy(machine -> machine.properties().path("DefinitionSubstitutions")
                .properties().forEach(e -> {
                    if (e.getKey().endsWith("FunctionArn")) {
                        assertThat(e.getValue().asText()).as(machine.logicalId() + " " + e.getKey()).endsWith(":live");
                    }
                }));
    }

    private static String codeUri(Resource function) {
        return TemplateSource.resolve(function.template(), function.properties().path("CodeUri").asText());
    }
}
