package io.contextualtargeting.local.statemachine;

/** The status of an execution, as Step Functions reports it. */
public enum ExecutionStatus { RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED }
