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
     * Whether a Retrier or Catcher with these ErrorEquals handles {@code error}. States.Runtime is
     * never retried or caught. States.ALL catches every other error, States.DataLimitExceeded
     * included: the AWS guide calls that error terminal, but executions recorded on AWS show a
     * States.ALL catcher handling it (LocalStack's validated snapshot
     * test_states_errors::test_task_lambda_catch_state_all_data_limit_exceeded_on_large_utf8_response).
     * States.TaskFailed is States.ALL except States.Timeout and States.DataLimitExceeded.
     */
    public static boolean matches(List<String> errorEquals, String error) {
        if (RUNTIME.equals(error)) {
            return false;
        }
        for (String name : errorEquals) {
            if (name.equals(error)) {
                return true;
            }
            if (ALL.equals(name)) {
                return true;
            }
            if (TASK_FAILED.equals(name) && !DATA_LIMIT_EXCEEDED.equals(error) && !TIMEOUT.equals(error)) {
                return true;
            }
        }
        return false;
    }
}
