package io.contextualtargeting.local.statemachine;

/**
 * An error raised while an execution runs, named as Step Functions names it ({@code States.Timeout},
 * a Lambda errorType, ...), so that Retry and Catch route it by the same name as on AWS.
 */
public final class StatesError extends RuntimeException {
    private final String error;
    private final String cause;

    public StatesError(String error, String cause) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.cause = cause;
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }

    static StatesError runtime(String cause) {
        return new StatesError(ErrorNames.RUNTIME, cause);
    }

    static StatesError intrinsicFailure(String cause) {
        return new StatesError(ErrorNames.INTRINSIC_FAILURE, cause);
    }
}
