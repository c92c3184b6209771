package io.contextualtargeting.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.deploy.ApiCallRecorder.SentRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Ecosystem check, as a JUnit extension of the tests that run the real AWS adapters: after each
 * test, every request the adapters sent must conform to botocore's model of its operation
 * ({@link BotocoreShapeValidator}).
 */
final class BotocoreModelCheck implements AfterEachCallback {
    /** The AWS SDK's service names and botocore's directory names of the services we call. */
    static final Map<String, String> BOTOCORE_SERVICE = Map.of("Personalize", "personalize", "Pinpoint", "pinpoint",
            "Sns", "sns", "S3", "s3", "EventBridge", "events");

    private final Supplier<List<SentRequest>> sent;

    BotocoreModelCheck(Supplier<List<SentRequest>> sent) {
        this.sent = sent;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<SentRequest> requests = sent.get();
        assertThat(problems(requests)).as("requests that break botocore's models, of %s", requests.stream()
                .map(r -> r.service() + "." + r.operation()).distinct().toList()).isEmpty();
    }

    static List<String> problems(List<SentRequest> requests) {
        List<String> problems = new ArrayList<>();
        for (SentRequest request : requests) {
            String service = BOTOCORE_SERVICE.get(request.service());
            if (service == null) {
                problems.add(request.service() + "." + request.operation() + ": no botocore model known; add it to BOTOCORE_SERVICE");
                continue;
            }
            new BotocoreShapeValidator(BotocoreModel.of(service))
                    .problems(request.operation(), SdkRequestJson.of((SdkPojo) request.request()))
                    .forEach(p -> problems.add(request.service() + "." + p));
        }
        return problems;
    }
}
