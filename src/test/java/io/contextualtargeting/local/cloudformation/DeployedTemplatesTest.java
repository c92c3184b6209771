package io.contextualtargeting.local.cloudformation;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The templates this repository deploys load locally with their defaults: every intrinsic
 * resolves, every state machine passes the executor's validation, every Task calls a deployed
 * function and every function names the handler it runs. Skipped where the repository has no
 * root template yet.
 */
class DeployedTemplatesTest {
    private static final Path REPOSITORY = Path.of("");

    @Test
    void deployedTemplatesLoadAndEveryFunctionNamesItsHandler() {
        assumeTrue(Files.exists(REPOSITORY.resolve("template.yaml")), "no template.yaml at the repository root");
        CloudModel model = new TemplateLoader(TemplateSource.directory(REPOSITORY))
                .load("template.yaml", "contextual-targeting", Map.of());
        assertThat(model.stateMachines()).isNotEmpty()
                .allSatisfy(machine -> assertThat(machine.toStateMachine().definition().root().states()).isNotEmpty());
        assertThat(model.functions()).isNotEmpty()
                .allSatisfy(function -> assertThat(function.handler()).as(function.name()).isPresent());
    }
}
