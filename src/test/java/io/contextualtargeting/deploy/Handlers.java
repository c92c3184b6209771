package io.contextualtargeting.deploy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The Lambda handlers of the application: every {@code @Named} RequestHandler compiled into the functions package. */
final class Handlers {
    static final String PACKAGE = "io.contextualtargeting.functions";

    private Handlers() {
    }

    /** Handler name ({@code @Named} value, what QUARKUS_LAMBDA_HANDLER selects) to handler class. */
    static Map<String, Class<?>> byName() {
        Path folder = Path.of("target", "classes").resolve(PACKAGE.replace('.', '/'));
        Map<String, Class<?>> handlers = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String simpleName = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName(PACKAGE + "." + simpleName);
                Named named = type.getAnnotation(Named.class);
                if (named != null && RequestHandler.class.isAssignableFrom(type)) {
                    handlers.put(named.value(), type);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return handlers;
    }

    /** The declared (non-bridge) handleRequest of a handler class: its parameter 0 is the input type. */
    static Method handleRequest(Class<?> handler) {
        for (Method method : handler.getMethods()) {
            if (method.getName().equals("handleRequest") && method.getParameterCount() == 2 && !method.isBridge()) {
                return method;
            }
        }
        throw new IllegalArgumentException(handler.getName() + " declares no typed handleRequest");
    }
}
