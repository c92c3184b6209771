package io.contextualtargeting.engine.model;

import java.util.SplittableRandom;

/**
 * One factor vector per user or item, each its own array: loops of the form
 * {@code a[j] += s * row[j]} over two distinct arrays with the same index are what HotSpot's
 * superword pass turns into SIMD code (an offset into one flat array defeats it).
 */
public final class FactorMatrix {
    private final float[][] rows;
    private final int dimension;

    public FactorMatrix(float[][] rows, int dimension) {
        for (float[] row : rows) {
            if (row.length != dimension) {
                throw new IllegalArgumentException("every row must have " + dimension + " factors");
            }
        }
        this.rows = rows;
        this.dimension = dimension;
    }

    /** Small Gaussian values (standard deviation 0.01), drawn in row order from {@code random}. */
    static FactorMatrix random(int count, int dimension, SplittableRandom random) {
        float[][] rows = new float[count][dimension];
        for (float[] row : rows) {
            for (int f = 0; f < dimension; f++) {
                row[f] = (float) (random.nextGaussian() * 0.01);
            }
        }
        return new FactorMatrix(rows, dimension);
    }

    public int size() {
        return rows.length;
    }

    public int dimension() {
        return dimension;
    }

    /** The live row; callers outside training only read it. */
    public float[] row(int index) {
        return rows[index];
    }
}
