package io.contextualtargeting.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JVM-mode target/function.zip that the build packages holds what the Lambda Java runtime
 * loads: the application's classes and generated Quarkus bootstrap at the root, its dependencies
 * under lib/, and its configuration. (The native build's zip holds a bootstrap executable instead;
 * it cannot be built here.)
 */
class FunctionZipIT {
    private static List<String> entries;

    @BeforeAll
    static void read() throws IOException {
        try (ZipFile zip = new ZipFile(Path.of("target", "function.zip").toFile())) {
            entries = zip.stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void holdsEveryHandlerClassAndTheGeneratedApplication() {
        assertThat(entries).contains("io/quarkus/runner/ApplicationImpl.class", "application.properties");
        assertThat(Handlers.byName().values()).allSatisfy(handler ->
                assertThat(entries).contains(handler.getName().replace('.', '/') + ".class"));
    }

    @Test
    void holdsTheLambdaRuntimeAndTheAwsClientsUnderLib() {
        assertThat(entries).anyMatch(e -> e.matches("lib/io\\.quarkus\\.quarkus-amazon-lambda-\\d.*\\.jar"))
                .anyMatch(e -> e.matches("lib/software\\.amazon\\.awssdk\\.personalize-.*\\.jar"))
                .anyMatch(e -> e.matches("lib/software\\.amazon\\.awssdk\\.pinpoint-.*\\.jar"))
                .anyMatch(e -> e.matches("lib/software\\.amazon\\.awssdk\\.url-connection-client-.*\\.jar"));
    }

    /** Packaging=Jvm is the only choice for this zip: the custom runtime would find no bootstrap in it. */
    @Test
    void hasNoBootstrapForTheCustomRuntime() {
        assertThat(entries).doesNotContain("bootstrap");
    }

    /** The local CLI's command-line library is for the local jar only (quarkus.class-loading.removed-artifacts). */
    @Test
    void leavesOutTheLocalCommandLineLibrary() {
        assertThat(entries).noneMatch(e -> e.contains("picocli"));
    }

    @Test
    void leavesOutNettyAndTheApacheClient() {
        assertThat(entries).noneMatch(e -> e.contains("netty-nio-client") || e.contains("apache-client"));
    }
}
