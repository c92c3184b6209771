package io.contextualtargeting.deploy;

import java.util.Map;

/**
 * One permission a call needs: the IAM action ({@code personalize:CreateDatasetGroup}), the ARN of
 * the resource it acts on ({@code *} for actions without resource-level permissions) and the
 * request's condition keys ({@code iam:PassedToService}, {@code s3:prefix}); {@code why} says
 * which SDK call needed it.
 */
record ApiCall(String action, String resource, Map<String, String> context, String why) {

    ApiCall {
        context = Map.copyOf(context);
    }

    ApiCall(String action, String resource, String why) {
        this(action, resource, Map.of(), why);
    }

    @Override
    public String toString() {
        return action + " on " + resource + (context.isEmpty() ? "" : " " + context) + " (" + why + ")";
    }
}
