package io.contextualtargeting.deploy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** A missing ecosystem tool skips its check on a developer's machine and fails it in CI. */
class EcosystemToolTest {

    @Test
    void missingToolFailsInCiAndSkipsElsewhere() {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));

        assertThatThrownBy(() -> EcosystemTool.require("no-such-tool-for-this-test", "nothing to install"))
                .isInstanceOf(ci ? AssertionError.class : TestAbortedException.class)
                .hasMessageContaining("no-such-tool-for-this-test is not on PATH");
    }

    @Test
    void missingPythonModuleFailsInCiAndSkipsElsewhere() {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));

        assertThatThrownBy(() -> EcosystemTool.requirePython("no_such_module_for_this_test", "nothing to install"))
                .isInstanceOf(ci ? AssertionError.class : TestAbortedException.class)
                .hasMessageContaining("cannot import no_such_module_for_this_test");
    }
}
