package io.contextualtargeting.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contextualtargeting.local.cloudformation.CloudModel;
import io.contextualtargeting.local.statemachine.FunctionError;
import io.contextualtargeting.local.statemachine.FunctionInvoker;
import io.contextualtargeting.formats.Json;
import jakarta.inject.Named;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Lambda functions of the template, run in-process: a function's QUARKUS_LAMBDA_HANDLER names
 * the {@code @Named} handler it runs, and its payload is read into the handler's input type and its
 * result written back with the same JSON settings as the Quarkus Lambda runtime. A handler that
 * throws fails as Quarkus reports it (errorType = the exception's class name).
 */
public final class LocalFunctions implements FunctionInvoker {
    private final CloudModel model;
    private final Map<String, Handler> handlers = new LinkedHashMap<>();
    private final ObjectMapper json = Json.mapper();

    /** @param handlers the handler instances, built with local adapters */
    public LocalFunctions(CloudModel model, Iterable<RequestHandler<?, ?>> handlers) {
        this.model = model;
        for (RequestHandler<?, ?> handler : handlers) {
            Named named = handler.getClass().getAnnotation(Named.class);
            if (named == null) {
                throw new IllegalArgumentException(handler.getClass().getName() + " has no @Named handler name");
            }
            this.handlers.put(named.value(), new Handler(handler, inputType(handler)));
        }
        checkEveryFunctionHasItsHandler();
    }

    @Override
    public JsonNode invoke(String functionArn, JsonNode payload) throws FunctionError {
        CloudModel.LambdaFunction function = model.function(functionArn)
                .orElseThrow(() -> new FunctionError("ResourceNotFoundException", "no function " + functionArn));
        Handler handler = handlers.get(function.handler().orElse(""));
        try {
            Object input = json.treeToValue(payload, handler.inputType());
            Object output = handler.call(input, new LocalLambdaContext(function));
            return json.valueToTree(output);
        } catch (RuntimeException | IOException e) {
            throw FunctionError.of(e);
        }
    }

    /**
     * Every function's handler exists. Handlers no function uses are allowed: parameters can leave
     * a nested stack out (no Pinpoint, no import functions); FunctionSettingsTest checks over every
     * parameter set that each handler has its function.
     */
    private void checkEveryFunctionHasItsHandler() {
        for (CloudModel.LambdaFunction function : model.functions()) {
            String name = function.handler().orElseThrow(() -> new IllegalArgumentException("function "
                    + function.logicalId() + " sets no QUARKUS_LAMBDA_HANDLER"));
            if (!handlers.containsKey(name)) {
                throw new IllegalArgumentException("function " + function.logicalId() + " runs handler '" + name
                        + "', which does not exist (handlers: " + handlers.keySet() + ")");
            }
        }
    }

    /** The handler's input type, found as the Quarkus Lambda extension finds it. */
    private static Class<?> inputType(RequestHandler<?, ?> handler) {
        for (Method method : handler.getClass().getMethods()) {
            if (method.getName().equals("handleRequest") && method.getParameterCount() == 2
                    && method.getParameterTypes()[0] != Object.class && !method.isBridge()) {
                return method.getParameterTypes()[0];
            }
        }
        throw new IllegalArgumentException(handler.getClass().getName() + " declares no typed handleRequest");
    }

    private record Handler(RequestHandler<?, ?> handler, Class<?> inputType) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object call(Object input, Context context) {
            return ((RequestHandler) handler).handleRequest(input, context);
        }
    }
}
