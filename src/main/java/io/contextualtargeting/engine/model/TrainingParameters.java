package io.contextualtargeting.engine.model;

import io.contextualtargeting.formats.ParameterException;
import io.contextualtargeting.formats.PersonalizeHyperparameters;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Hyperparameters of the implicit-feedback factorisation. {@code factors} is Personalize's
 * {@code hidden_dimension}; {@code alpha} scales confidence ({@code 1 + alpha * weight});
 * {@code cgSteps} conjugate-gradient steps refine each user's and item's factors per iteration,
 * starting from the previous ones; {@code threads} changes speed only, never the result.
 */
public record TrainingParameters(int factors, int iterations, float regularization, float alpha, int cgSteps,
                                 long seed, int threads, ConfidenceWeighting weighting) {

    public TrainingParameters {
        require(factors >= 1 && factors <= 1024, "factors", "must be between 1 and 1024, got " + factors);
        require(iterations >= 1, "iterations", "must be at least 1, got " + iterations);
        require(regularization >= 0 && Float.isFinite(regularization), "regularization", "must be >= 0");
        require(alpha > 0 && Float.isFinite(alpha), "alpha", "must be > 0");
        require(cgSteps >= 1, "cgSteps", "must be at least 1, got " + cgSteps);
        require(threads >= 1, "threads", "must be at least 1, got " + threads);
    }

    /** Defaults measured on the synthetic datasets (see docs/engine.md). */
    public static TrainingParameters defaults() {
        return new TrainingParameters(64, 10, 100f, 10f, 2, 42L, Runtime.getRuntime().availableProcessors(),
                ConfidenceWeighting.uniform());
    }

    /** Applies the recipe's hyperparameters: {@code hidden_dimension} maps to factors. */
    public TrainingParameters withPersonalizeHyperparameters(Map<String, String> hyperparameters) {
        OptionalInt hiddenDimension = PersonalizeHyperparameters.hiddenDimension(hyperparameters);
        return hiddenDimension.isPresent() ? withFactors(hiddenDimension.getAsInt()) : this;
    }

    public TrainingParameters withFactors(int value) {
        return new TrainingParameters(value, iterations, regularization, alpha, cgSteps, seed, threads, weighting);
    }

    public TrainingParameters withIterations(int value) {
        return new TrainingParameters(factors, value, regularization, alpha, cgSteps, seed, threads, weighting);
    }

    public TrainingParameters withRegularization(float value) {
        return new TrainingParameters(factors, iterations, value, alpha, cgSteps, seed, threads, weighting);
    }

    public TrainingParameters withAlpha(float value) {
        return new TrainingParameters(factors, iterations, regularization, value, cgSteps, seed, threads, weighting);
    }

    public TrainingParameters withCgSteps(int value) {
        return new TrainingParameters(factors, iterations, regularization, alpha, value, seed, threads, weighting);
    }

    public TrainingParameters withSeed(long value) {
        return new TrainingParameters(factors, iterations, regularization, alpha, cgSteps, value, threads, weighting);
    }

    public TrainingParameters withThreads(int value) {
        return new TrainingParameters(factors, iterations, regularization, alpha, cgSteps, seed, value, weighting);
    }

    public TrainingParameters withWeighting(ConfidenceWeighting value) {
        return new TrainingParameters(factors, iterations, regularization, alpha, cgSteps, seed, threads, value);
    }

    private static void require(boolean condition, String parameter, String problem) {
        if (!condition) {
            throw new ParameterException(parameter, problem);
        }
    }
}
