package io.contextualtargeting.ports;

/** Sends the operator a message: an SNS topic with an email subscription on AWS, an outbox locally. */
public interface Notifier {
    void notify(String subject, String message);
}
