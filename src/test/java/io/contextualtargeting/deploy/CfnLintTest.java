package io.contextualtargeting.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.deploy.CfnLint.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Ecosystem check: AWS's CloudFormation linter finds no error in any template (root and nested).
 * Warnings are printed, not failed, except a sunset-service warning (Pinpoint) on a resource that
 * every deployment creates. A canary template, broken on purpose, is linted in the same run (one
 * cfn-lint start for all) to show that findings do reach this test.
 */
class CfnLintTest {
    static final String CANARY = "src/test/resources/deploy/cfn-lint-canary.yaml";

    @Test
    void templatesHaveNoErrorsAndPinpointOnlyWhereItIsConditional() {
        List<String> files = Stream.concat(Repository.templates().stream(), Stream.of(CANARY)).toList();

        List<Finding> findings = new CfnLint().lint(files.stream().map(Path::of).toList(), Map.of());

        List<Finding> ours = findings.stream().filter(f -> !f.file().equals(CANARY)).toList();
        ours.stream().filter(f -> !f.isError()).forEach(f -> System.out.println("cfn-lint warning: " + f));
        assertThat(CfnLint.blocking(ours, Repository::template)).as("cfn-lint findings that fail the build").isEmpty();
        assertThat(CfnLint.blocking(findings, Repository::template)).as("the canary's findings")
                .extracting(Finding::ruleId).contains("E3002", CfnLint.SUNSET_SERVICE);
    }
}
