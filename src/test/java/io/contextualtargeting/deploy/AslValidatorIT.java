package io.contextualtargeting.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every state machine passes asl-validator, the reference validator of the Amazon States Language
 * (npm, installed under target/ by the build in pre-integration-test, so that package needs no npm),
 * once its DefinitionSubstitutions placeholders are replaced by values of the right shape:
 * asl-validator checks that a Task's Resource is an ARN. An integration test for that reason only.
 */
class AslValidatorIT {
    static final Path VALIDATOR = Path.of("target", "asl-validator", "node_modules", ".bin", "asl-validator");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    @TempDir
    Path work;

    static List<String> stateMachineFiles() {
        return Repository.stateMachineFiles();
    }

    @ParameterizedTest
    @MethodSource("stateMachineFiles")
    void stateMachinePassesAslValidator(String file) throws Exception {
        Validation result = validate(file, substitute(Repository.read(file)));

        assertThat(result.exitCode()).as("asl-validator on %s:%n%s", file, result.output()).isZero();
    }

    @Test
    void validatorRejectsATransitionToAMissingState() throws Exception {
        String broken = """
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Missing"}}}""";

        Validation result = validate("broken.asl.json", broken);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("MISSING_TRANSITION_TARGET");
    }

    @Test
    void placeholderOfAFunctionArnBecomesALambdaArn() {
        assertThat(substitute("{\"Resource\": \"${NotifyFunctionArn}\", \"Bucket\": \"${SegmentImportBucket}\"}"))
                .isEqualTo("{\"Resource\": \"arn:aws:lambda:us-east-1:123456789012:function:Notify\","
                        + " \"Bucket\": \"SegmentImportBucket\"}");
    }

    @Test
    void placeholderOfAnUnknownArnKindIsRefused() {
        assertThatThrownBy(() -> substitute("\"${SomethingArn}\"")).hasMessageContaining("SomethingArn");
    }

    /**
     * Each placeholder becomes a value of the shape its name announces (a FunctionArn placeholder
     * a Lambda ARN, ...); others become their own name, a plain string as bucket names and prefixes are.
     */
    static String substitute(String definition) {
        Matcher m = PLACEHOLDER.matcher(definition);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(sampleValue(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String sampleValue(String name) {
        String prefix = "arn:aws:%s:us-east-1:123456789012:";
        if (name.endsWith("FunctionArn")) {
            return prefix.formatted("lambda") + "function:" + name.substring(0, name.length() - "FunctionArn".length());
        }
        if (name.endsWith("StateMachineArn")) {
            return prefix.formatted("states") + "stateMachine:" + name;
        }
        if (name.endsWith("TopicArn")) {
            return prefix.formatted("sns") + name;
        }
        if (name.endsWith("EventBusArn")) {
            return prefix.formatted("events") + "event-bus/" + name;
        }
        if (name.endsWith("Arn")) {
            throw new IllegalArgumentException("placeholder ${" + name + "}: no sample ARN for this kind; add one here");
        }
        return name;
    }

    private Validation validate(String name, String definition) throws IOException, InterruptedException {
        if (!Files.isExecutable(VALIDATOR)) {
            throw new IllegalStateException(VALIDATOR.toAbsolutePath() + " is missing: the build installs it with npm"
                    + " (profile asl-validator, Node 20) before the integration tests; run ./mvnw verify");
        }
        Path file = work.resolve(Path.of(name).getFileName().toString());
        Files.writeString(file, definition);
        Process process = new ProcessBuilder(VALIDATOR.toAbsolutePath().toString(), "--json-path", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("asl-validator did not finish within 60 s");
        }
        return new Validation(process.exitValue(), output);
    }

    private record Validation(int exitCode, String output) {
    }
}
