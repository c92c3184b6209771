package io.contextualtargeting.workflow.notify;

import io.contextualtargeting.ports.Notifier;

/** Formats a workflow's outcome and sends it to the operator. */
public final class NotifyStep {
    private final NotificationFormatter formatter;
    private final Notifier notifier;

    public NotifyStep(NotificationFormatter formatter, Notifier notifier) {
        this.formatter = formatter;
        this.notifier = notifier;
    }

    public Notification run(NotificationRequest request) {
        Notification notification = formatter.format(request);
        notifier.notify(notification.subject(), notification.body());
        return notification;
    }
}
