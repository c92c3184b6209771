package io.contextualtargeting.aws;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs Adobe's S3Mock (a real S3-protocol server; the exec jar that the build copies to
 * target/s3mock) as a child process on a free port for the tests of one class, and stops it after.
 */
public final class S3MockServer implements BeforeAllCallback, AfterAllCallback {

    static final Path JAR = Path.of("target", "s3mock", "s3mock-exec.jar");
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);

    private final List<String> buckets;
    private ServerProcess server;
    private int port;

    public S3MockServer(String... buckets) {
        this.buckets = List.of(buckets);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the build through"
                    + " process-test-resources (./mvnw test) so maven-dependency-plugin fetches it");
        }
        port = ServerProcess.freePort();
        Path root = Files.createTempDirectory("s3mock-root");
        server = ServerProcess.start("s3mock", List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(),
                "--server.port=0",
                "--com.adobe.testing.s3mock.httpPort=" + port,
                "--com.adobe.testing.s3mock.store.initialBuckets=" + String.join(",", buckets),
                "--com.adobe.testing.s3mock.store.root=" + root,
                "--logging.level.root=WARN"), endpoint(), STARTUP_LIMIT);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null) {
            server.stop();
        }
    }
}
