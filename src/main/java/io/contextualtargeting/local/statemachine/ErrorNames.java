package io.contextualtargeting.local.statemachine;

import java.util.List;

/** The predefined Step Functions error names and how ErrorEquals matches them. */
public final class ErrorNames {
    public static final String ALL = "States.ALL";
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String TIMEOUT = "States.Timeout";
    public static final String RUNTIME = "States.Runtime";
    public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
    public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";

    private ErrorNames() {
    }

    /**
     * Whether a Retrier or Catcher with these ErrorEquals handles {@code error}. As documented by AWS:
     * States.Runtime is never retried or caught; States.ALL does not catch States.DataLimitExceeded
     * (a terminal error, only its own name catches it); States.TaskFailed is States.ALL except
     * States.Timeout.
     */
    public static boolean matches(List<String> errorEquals, String error) {
        if (RUNTIME.equals(error)) {
            return false;
        }
        for (String name : errorEquals) {
            if (name.equals(error)) {
                return true;
            }
            boolean wildcardApplies = !DATA_LIMIT_EXCEEDED.equals(error);
            if (ALL.equals(name) && wildcardApplies) {
                return true;
            }
            if (TASK_FAILED.equals(name) && wildcardApplies && !TIMEOUT.equals(error)) {
                return true;
            }
        }
        return false;
    }
}
