package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** One state of a parsed ASL definition (JSONPath query language); one record per state type. */
public sealed interface State {

    String name();

    DataFlow io();

    /** The ASL type name, as history events spell it ({@code Task}, {@code Map}, ...). */
    String type();

    /** Where a state goes next: another state, or the end of its scope. */
    record Transition(String next) {
        public boolean isEnd() {
            return next == null;
        }
    }

    /** The states of a machine, a Parallel branch or a Map item processor. */
    record Scope(String startAt, Map<String, State> states) {
    }

    /** Retry and Catch of a Task, Parallel or Map state. */
    record ErrorHandling(List<Retrier> retriers, List<Catcher> catchers) {
        public static final ErrorHandling NONE = new ErrorHandling(List.of(), List.of());
    }

    /** One Retry entry. */
    record Retrier(List<String> errorEquals, int intervalSeconds, int maxAttempts, double backoffRate,
                   Integer maxDelaySeconds, boolean fullJitter) {

        /** The wait before retry number {@code retryCount + 1}: interval x rate^count, capped, jittered. */
        public Duration delay(int retryCount, RandomGenerator random) {
            double seconds = intervalSeconds * Math.pow(backoffRate, retryCount);
            if (maxDelaySeconds != null) {
                seconds = Math.min(seconds, maxDelaySeconds);
            }
            if (fullJitter) {
                seconds = random.nextDouble() * seconds;
            }
            return Duration.ofMillis(Math.round(seconds * 1000));
        }
    }

    /** One Catch entry. */
    record Catcher(List<String> errorEquals, String next, DataFlow.ResultTarget resultPath) {
    }

    /** A Task state. */
    record Task(String name, DataFlow io, TaskResource resource, Integer timeoutSeconds,
                ErrorHandling errorHandling, Transition transition) implements State {
        public String type() {
            return "Task";
        }
    }

    /** A Pass state; {@code result} is null when the state passes its effective input. */
    record Pass(String name, DataFlow io, JsonNode result, Transition transition) implements State {
        public String type() {
            return "Pass";
        }
    }

    /** A Choice state: the first matching rule names the next state, else Default. */
    record Choice(String name, DataFlow io, List<ChoiceRule.Branch> choices, String defaultNext) implements State {
        public String type() {
            return "Choice";
        }
    }

    /** A Wait state: exactly one of the four ways to say how long. */
    record Wait(String name, DataFlow io, Integer seconds, PathExpression secondsPath, Instant timestamp,
                PathExpression timestampPath, Transition transition) implements State {
        public String type() {
            return "Wait";
        }
    }

    /** A Succeed state. */
    record Succeed(String name, DataFlow io) implements State {
        public String type() {
            return "Succeed";
        }
    }

    /** A Fail state; a path or intrinsic may give Error and Cause. */
    record Fail(String name, DataFlow io, String error, String cause, ValueExpression errorPath,
                ValueExpression causePath) implements State {
        public String type() {
            return "Fail";
        }
    }

    /** A Parallel state. */
    record Parallel(String name, DataFlow io, List<Scope> branches, ErrorHandling errorHandling,
                    Transition transition) implements State {
        public String type() {
            return "Parallel";
        }
    }

    /**
     * An inline Map state; {@code itemSelector} is ItemSelector or the legacy Parameters. Items run one
     * after the other: MaxConcurrency (or the value MaxConcurrencyPath selects, checked) has no effect.
     */
    record MapState(String name, DataFlow io, PathExpression itemsPath, PayloadTemplate itemSelector,
                    Scope processor, Integer maxConcurrency, PathExpression maxConcurrencyPath,
                    ErrorHandling errorHandling,
                    Transition transition) implements State {
        public String type() {
            return "Map";
        }
    }
}
