package io.contextualtargeting.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.aws.ServerProcess;
import io.contextualtargeting.formats.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Python moto's {@code moto_server} (every service it mocks on one port), bound to 127.0.0.1 on a
 * free port for the tests of one class and stopped after them. Besides the AWS APIs, it reads
 * moto's own view of its state ({@code /moto-api/data.json}: what SNS sent, for example) and makes
 * raw AWS JSON-protocol calls for services whose SDK module the project does not use.
 */
final class MotoServer implements BeforeAllCallback, AfterAllCallback {
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();
    private ServerProcess server;
    private int port;

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        EcosystemTool moto = EcosystemTool.require("moto_server", "pip install 'moto[server]'");
        port = ServerProcess.freePort();
        server = ServerProcess.start("moto_server", List.of(moto.executable().toString(), "-H", "127.0.0.1",
                "-p", String.valueOf(port)), endpoint().resolve("/moto-api/"), STARTUP_LIMIT);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    /** moto's state: models by service ({@code sns.Topic[].sent_notifications}, ...). */
    JsonNode modelData() {
        return read(send(HttpRequest.newBuilder(endpoint().resolve("/moto-api/data.json")).GET().build()));
    }

    /**
     * An AWS JSON-protocol call of a service ({@code events}, {@code AWSEvents.PutEvents}), its answer;
     * fails on an error status. moto routes by the credential scope and checks no signature.
     */
    JsonNode awsJson(String service, String target, JsonNode body) {
        return read(send(HttpRequest.newBuilder(endpoint())
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test-key/20260101/us-east-1/" + service
                        + "/aws4_request, SignedHeaders=host, Signature=0")
                .header("X-Amz-Target", target).header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build()));
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new AssertionError(request + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new AssertionError("moto_server did not answer " + request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError("moto_server answered no JSON: " + json, e);
        }
    }
}
