package io.contextualtargeting.local.statemachine;

/** Where the {@code sns:publish} integration sends messages: an outbox in local mode. */
@FunctionalInterface
public interface TopicPublisher {

    /** Publishes; returns the message id. {@code subject} may be null. */
    String publish(String topicArn, String subject, String message);
}
