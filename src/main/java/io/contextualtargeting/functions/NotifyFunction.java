package io.contextualtargeting.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.contextualtargeting.workflow.notify.Notification;
import io.contextualtargeting.workflow.notify.NotificationRequest;
import io.contextualtargeting.workflow.notify.NotifyStep;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Task of every workflow: emails the outcome. */
@Named("notify")
public class NotifyFunction implements RequestHandler<NotificationRequest, Notification> {
    private final NotifyStep steps;

    @Inject
    public NotifyFunction(NotifyStep steps) {
        this.steps = steps;
    }

    @Override
    public Notification handleRequest(NotificationRequest input, Context context) {
        return steps.run(input);
    }
}
