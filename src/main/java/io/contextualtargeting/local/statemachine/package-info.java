/**
 * The local Step Functions: {@link io.contextualtargeting.local.statemachine.AslParser} parses and
 * validates Amazon States Language (JSONPath query language), {@link
 * io.contextualtargeting.local.statemachine.LocalStepFunctions} runs executions with the same input
 * and output processing, errors, Retry and Catch as AWS, and {@link
 * io.contextualtargeting.local.statemachine.ExecutionStore} keeps them for the {@code executions}
 * and {@code execution} commands. Task states call functions, the event bus and topics through
 * {@link io.contextualtargeting.local.statemachine.TaskServices}.
 */
package io.contextualtargeting.local.statemachine;
