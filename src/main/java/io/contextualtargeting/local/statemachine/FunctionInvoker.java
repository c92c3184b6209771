package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;

/** Runs a Lambda function of the local cloud: the local runner calls the @Named handler in-process. */
@FunctionalInterface
public interface FunctionInvoker {

    /**
     * Invokes the function with {@code functionArn} (unqualified: no version or alias) on {@code payload}.
     *
     * @throws FunctionError when the handler fails, carrying what Lambda reports for it
     */
    JsonNode invoke(String functionArn, JsonNode payload) throws FunctionError;
}
