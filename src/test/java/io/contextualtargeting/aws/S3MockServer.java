package io.contextualtargeting.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    private Process process;
    private Path root;
    private Path log;
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
        port = freePort();
        root = Files.createTempDirectory("s3mock-root");
        log = Files.createTempFile("s3mock", ".log");
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(),
                "--server.port=0",
                "--com.adobe.testing.s3mock.httpPort=" + port,
                "--com.adobe.testing.s3mock.store.initialBuckets=" + String.join(",", buckets),
                "--com.adobe.testing.s3mock.store.root=" + root,
                "--logging.level.root=WARN")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        awaitReady();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("s3mock exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            if (answers()) {
                return;
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("s3mock did not answer within " + STARTUP_LIMIT + ":\n" + Files.readString(log));
    }

    private boolean answers() {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint().toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode() > 0;
            } finally {
                connection.disconnect();
            }
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
