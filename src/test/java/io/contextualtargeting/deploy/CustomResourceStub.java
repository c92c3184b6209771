package io.contextualtargeting.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a custom resource's function talks to during a deploy, on 127.0.0.1: Lambda's
 * GetLayerVersionByArn (answering with a download URL for {@link #code}), that download, and
 * CloudFormation's pre-signed response URL (keeping what the function answers).
 */
final class CustomResourceStub implements AutoCloseable {
    private static final String GET_LAYER_VERSION = "/2018-10-31/layers";

    private final HttpServer server;
    private final List<String> layerVersionArns = new ArrayList<>();
    private byte[] code = new byte[0];
    private String response;

    CustomResourceStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    String responseUrl() {
        return endpoint() + "/cloudformation-response?signature=x";
    }

    /** The zip that the layer's download URL serves. */
    synchronized void code(byte[] zip) {
        this.code = zip.clone();
    }

    /** The ARNs the function asked Lambda for. */
    synchronized List<String> layerVersionArns() {
        return List.copyOf(layerVersionArns);
    }

    /** What the function PUT to the response URL, or null. */
    synchronized String response() {
        return response;
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals(GET_LAYER_VERSION)) {
                layerVersionArns.add(queryValue(exchange.getRequestURI(), "Arn"));
                send(exchange, 200, ("{\"Content\": {\"Location\": \"" + endpoint() + "/layer.zip\", \"CodeSize\": "
                        + code.length + "}}").getBytes(StandardCharsets.UTF_8));
            } else if (method.equals("GET") && path.equals("/layer.zip")) {
                send(exchange, 200, code);
            } else if (method.equals("PUT") && path.equals("/cloudformation-response")) {
                response = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                send(exchange, 200, new byte[0]);
            } else {
                send(exchange, 404, ("{\"Message\": \"no stub for " + method + " " + path + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static String queryValue(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts[0].equals(name) && parts.length == 2) {
                return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
