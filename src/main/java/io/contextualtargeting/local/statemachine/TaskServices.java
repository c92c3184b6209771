package io.contextualtargeting.local.statemachine;

/** The services Task states call: functions, the event bus and topics. */
public record TaskServices(FunctionInvoker functions, EventPublisher events, TopicPublisher topics) {
}
