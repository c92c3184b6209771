package io.contextualtargeting.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Named;

/**
 * A handler for {@link AwsPortsProducerTest} only: the Lambda extension will not boot an application
 * without one. Its profile selects it with {@code quarkus.lambda.handler}.
 */
@Named(AwsWiringProbeHandler.NAME)
public class AwsWiringProbeHandler implements RequestHandler<String, String> {
    static final String NAME = "aws-wiring-probe";

    @Override
    public String handleRequest(String input, Context context) {
        return input;
    }
}
