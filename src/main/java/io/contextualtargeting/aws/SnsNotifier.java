package io.contextualtargeting.aws;

import io.contextualtargeting.ports.Notifier;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Notifies the operator through an Amazon SNS topic (which has an email subscription). Subject and
 * message are fitted to SNS's email limits first (see {@link SnsEmailText}).
 */
public final class SnsNotifier implements Notifier {

    private final SnsClient sns;
    private final String topicArn;
    private final AwsCalls calls = new AwsCalls("Amazon SNS");

    public SnsNotifier(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public void notify(String subject, String message) {
        calls.call("Publish", "topic " + topicArn, () -> sns.publish(r -> r.topicArn(topicArn)
                .subject(SnsEmailText.subject(subject))
                .message(SnsEmailText.message(message))));
    }
}
