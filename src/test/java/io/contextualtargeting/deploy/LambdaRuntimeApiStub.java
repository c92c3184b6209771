package io.contextualtargeting.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/**
 * A Lambda Runtime API (the protocol between the Lambda service and a function's runtime) that
 * hands out one invocation and keeps what the function answers: its response, its error, or an
 * initialisation error. Every other request is taken for an AWS API call and refused with a 400 in
 * the shape of the service's protocol, so a handler that calls AWS fails at once, naming the call.
 */
final class LambdaRuntimeApiStub implements AutoCloseable {
    static final String REQUEST_ID = "8476a536-e9f4-11e8-9739-2dfe598c3fcd";
    private static final String RUNTIME = "/2018-06-01/runtime/";

    /** What the function answered: {@code kind} is response, error or init-error. */
    record Outcome(String kind, String body) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final String payload;
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private boolean handedOut;

    LambdaRuntimeApiStub(String payload) {
        this.payload = payload;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code host:port}, the value of AWS_LAMBDA_RUNTIME_API. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    String url() {
        return "http://" + address();
    }

    CompletableFuture<Outcome> outcome() {
        return outcome;
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (path.equals(RUNTIME + "invocation/next")) {
            next(exchange);
        } else if (path.startsWith(RUNTIME)) {
            String kind = path.endsWith("/response") ? "response" : path.endsWith("/init/error") ? "init-error" : "error";
            outcome.complete(new Outcome(kind, new String(body, StandardCharsets.UTF_8)));
            send(exchange, 202, "application/json", "{}");
        } else {
            refuseAwsCall(exchange);
        }
    }

    /** The invocation the first time; later polls wait until the test ends, as an idle function does. */
    private void next(HttpExchange exchange) throws IOException {
        synchronized (this) {
            if (handedOut) {
                awaitClose();
                exchange.close();
                return;
            }
            handedOut = true;
        }
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", REQUEST_ID);
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", String.valueOf(System.currentTimeMillis() + 60_000));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                "arn:aws:lambda:us-east-1:123456789012:function:handler-start-check");
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Sampled=0");
        send(exchange, 200, "application/json", payload);
    }

    private void awaitClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void refuseAwsCall(HttpExchange exchange) throws IOException {
        boolean json = exchange.getRequestHeaders().containsKey("X-amz-target")
                || exchange.getRequestURI().getPath().startsWith("/v1/");
        exchange.getResponseHeaders().add("x-amzn-ErrorType", "ValidationException");
        if (json) {
            send(exchange, 400, "application/x-amz-json-1.1",
                    "{\"__type\": \"ValidationException\", \"message\": \"refused by the test stub\"}");
        } else {
            send(exchange, 400, "text/xml", "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidRequest</Code>"
                    + "<Message>refused by the test stub</Message></Error></ErrorResponse>");
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
