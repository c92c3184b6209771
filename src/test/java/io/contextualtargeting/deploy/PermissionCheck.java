package io.contextualtargeting.deploy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares what a function's code calls with what its policy grants, both ways: every call must
 * be allowed (else AccessDenied on AWS), and every granted action and resource must be used by
 * some call (else the grant is more than least privilege). {@code Resource: "*"} is accepted only
 * for actions that have no resource-level permissions, and iam:PassRole only with
 * {@code iam:PassedToService}.
 */
final class PermissionCheck {
    private PermissionCheck() {
    }

    /**
     * Pinpoint authorizes some actions on the project's ARN ({@code apps/<id>}) and others on what lies
     * under it ({@code apps/<id>/*}), so a Pinpoint grant names both: either is used by a call of the
     * action on that project.
     */
    private static boolean samePinpointProject(String action, String resource, ApiCall call) {
        if (!action.startsWith("mobiletargeting:") || !action.equals(call.action())) {
            return false;
        }
        String project = resource.endsWith("/*") ? resource.substring(0, resource.length() - 2) : resource;
        return call.resource().equals(project) || call.resource().startsWith(project + "/");
    }

    /** The problems, one line each; empty when the policy is exactly what the calls need. */
    static List<String> problems(Policy policy, List<ApiCall> calls) {
        Set<String> problems = new LinkedHashSet<>();
        for (ApiCall call : calls) {
            if (!policy.allows(call)) {
                problems.add("not allowed: " + call);
            }
        }
        for (Policy.Statement statement : policy.statements()) {
            if (!statement.allow()) {
                continue;
            }
            for (String action : statement.actions()) {
                for (String resource : statement.resources()) {
                    Policy.Statement single = new Policy.Statement(true, List.of(action), List.of(resource),
                            statement.condition());
                    if (calls.stream().noneMatch(call -> single.matches(call) || samePinpointProject(action, resource, call))) {
                        problems.add("granted but never called: " + action + " on " + resource);
                    }
                    if ("*".equals(resource) && !IamActions.WITHOUT_RESOURCE_LEVEL.contains(action)) {
                        problems.add("Resource '*' for " + action + ", which supports resource-level permissions");
                    }
                }
                if ("iam:PassRole".equals(action) && !statement.condition().path("StringEquals").has("iam:PassedToService")) {
                    problems.add("iam:PassRole without a StringEquals iam:PassedToService condition");
                }
            }
        }
        return new ArrayList<>(problems);
    }
}
