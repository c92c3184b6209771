package io.contextualtargeting.workflow.notify;

/** A message ready to send: a one-line subject and a plain-text body. */
public record Notification(String subject, String body) {
}
