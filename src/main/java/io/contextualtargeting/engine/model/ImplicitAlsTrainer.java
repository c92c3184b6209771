package io.contextualtargeting.engine.model;

import java.util.SplittableRandom;

/**
 * Implicit-feedback matrix factorisation (Hu, Koren and Volinsky 2008) solved by alternating least
 * squares, each least-squares problem approximately, by a few conjugate-gradient steps warm-started
 * from the previous factors (Takács, Pilászy and Tikk 2011). Minimises
 * {@code sum over all pairs of c_ui (p_ui - x_u . y_i)^2 + lambda (|x|^2 + |y|^2)} with
 * {@code p_ui = 1} for observed pairs and confidence {@code c_ui = 1 + strength_ui} (1 for the rest).
 *
 * <p>Deterministic for a seed: the initial factors are drawn in a fixed order, every row is solved
 * from fixed inputs by one thread, and the Gram matrix is summed over row blocks whose size
 * depends on the data only; so 1 or 16 threads give bit-identical factors.
 */
public final class ImplicitAlsTrainer {
    private static final int ROWS_PER_TASK = 32;
    private static final int MIN_GRAM_BLOCK = 2048;
    private static final int MAX_GRAM_BLOCKS = 256;

    private final TrainingParameters parameters;
    private final int k;

    private ImplicitAlsTrainer(TrainingParameters parameters) {
        this.parameters = parameters;
        this.k = parameters.factors();
    }

    /** Trains on a user-by-item matrix built with the same {@code alpha}. */
    public static LatentFactors train(InteractionMatrix byUser, TrainingParameters parameters) {
        SplittableRandom random = new SplittableRandom(parameters.seed());
        FactorMatrix items = FactorMatrix.random(byUser.columns(), parameters.factors(), random);
        FactorMatrix users = FactorMatrix.random(byUser.rows(), parameters.factors(), random);
        return new ImplicitAlsTrainer(parameters).run(byUser, users, items);
    }

    /**
     * Continues training from {@code start} (same users and items, e.g. factors trained on an earlier
     * part of the same data), which needs far fewer iterations than starting from random factors.
     */
    public static LatentFactors train(InteractionMatrix byUser, TrainingParameters parameters, LatentFactors start) {
        return new ImplicitAlsTrainer(parameters).run(byUser, copy(start.users()), copy(start.items()));
    }

    /**
     * The user factors that best explain {@code byUser} for fixed item factors: one half-iteration
     * of ALS, started from {@code start} and given {@code 2 * cgSteps} conjugate-gradient steps. It
     * re-weights users' histories (by recency, say) at a small part of the cost of training.
     */
    public static FactorMatrix foldInUsers(InteractionMatrix byUser, FactorMatrix items, TrainingParameters parameters,
                                           FactorMatrix start) {
        ImplicitAlsTrainer trainer = new ImplicitAlsTrainer(parameters.withCgSteps(2 * parameters.cgSteps()));
        FactorMatrix users = copy(start);
        try (Workers workers = Workers.start(parameters.threads())) {
            trainer.solve(byUser, items, users, workers);
        }
        return users;
    }

    private static FactorMatrix copy(FactorMatrix matrix) {
        float[][] rows = new float[matrix.size()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = matrix.row(r).clone();
        }
        return new FactorMatrix(rows, matrix.dimension());
    }

    private LatentFactors run(InteractionMatrix byUser, FactorMatrix users, FactorMatrix items) {
        InteractionMatrix byItem = byUser.transpose();
        try (Workers workers = Workers.start(parameters.threads())) {
            for (int iteration = 0; iteration < parameters.iterations(); iteration++) {
                solve(byUser, items, users, workers);
                solve(byItem, users, items, workers);
            }
        }
        return new LatentFactors(users, items);
    }

    /** Updates every row of {@code target} given the {@code fixed} side. */
    private void solve(InteractionMatrix matrix, FactorMatrix fixed, FactorMatrix target, Workers workers) {
        float[][] gram = gram(fixed, workers);
        RowSolver[] solvers = new RowSolver[workers.threads()];
        workers.forEachRange(matrix.rows(), ROWS_PER_TASK, (worker, from, to) -> {
            if (solvers[worker] == null) {
                solvers[worker] = new RowSolver(k, parameters.cgSteps());
            }
            for (int row = from; row < to; row++) {
                solvers[worker].solve(matrix, row, fixed, gram, target.row(row));
            }
        });
    }

    /** {@code Y^T Y + lambda I}, summed over fixed row blocks in block order. */
    private float[][] gram(FactorMatrix fixed, Workers workers) {
        int n = fixed.size();
        int block = Math.max(MIN_GRAM_BLOCK, (n + MAX_GRAM_BLOCKS - 1) / MAX_GRAM_BLOCKS);
        int blocks = Math.max(1, (n + block - 1) / block);
        float[][][] partial = new float[blocks][k][k];
        workers.forEachRange(blocks, 1, (worker, from, to) -> {
            for (int b = from; b < to; b++) {
                float[][] g = partial[b];
                for (int row = b * block; row < Math.min(n, (b + 1) * block); row++) {
                    float[] y = fixed.row(row);
                    for (int a = 0; a < k; a++) {
                        VectorMath.axpy(y[a], y, g[a], k);
                    }
                }
            }
        });
        float[][] gram = partial[0];
        for (int b = 1; b < blocks; b++) {
            for (int a = 0; a < k; a++) {
                VectorMath.axpy(1f, partial[b][a], gram[a], k);
            }
        }
        for (int a = 0; a < k; a++) {
            gram[a][a] += parameters.regularization();
        }
        return gram;
    }
}
