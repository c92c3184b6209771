package io.contextualtargeting.functions;

/** Links into the AWS console, for notification emails. */
final class ConsoleLinks {
    private ConsoleLinks() {
    }

    /** The Step Functions console page of an execution, from its ARN (arn:aws:states:REGION:...). */
    static String execution(String executionArn) {
        String[] parts = executionArn.split(":");
        if (parts.length < 4 || !"states".equals(parts[2])) {
            return executionArn;
        }
        String region = parts[3];
        return "https://" + region + ".console.aws.amazon.com/states/home?region=" + region
                + "#/v2/executions/details/" + executionArn;
    }
}
