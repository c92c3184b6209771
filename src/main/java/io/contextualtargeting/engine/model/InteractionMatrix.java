package io.contextualtargeting.engine.model;

import io.contextualtargeting.formats.data.TrainingData;
import java.util.Arrays;

/**
 * The user-item matrix in compressed rows: for each row (a user, or an item after
 * {@link #transpose()}), its columns in ascending order and their strength {@code alpha * weight},
 * so that the confidence of an entry is {@code 1 + strength}. Repeated rows of the same pair are
 * summed; pairs whose weight is 0 are left out.
 */
public final class InteractionMatrix {
    private final int rows;
    private final int columns;
    private final int[] rowStart;
    private final int[] column;
    private final float[] strength;
    private final int observations;

    private InteractionMatrix(int rows, int columns, int[] rowStart, int[] column, float[] strength, int observations) {
        this.rows = rows;
        this.columns = columns;
        this.rowStart = rowStart;
        this.column = column;
        this.strength = strength;
        this.observations = observations;
    }

    /** Users as rows, items as columns. */
    public static InteractionMatrix byUser(TrainingData data, ConfidenceWeighting weighting, float alpha) {
        return byUser(data, weighting.weights(data), alpha);
    }

    /** Users as rows, items as columns, with one weight per interaction row of {@code data} (0 leaves it out). */
    public static InteractionMatrix byUser(TrainingData data, float[] weights, float alpha) {
        int users = data.userCount();
        int n = data.interactionCount();
        int[] start = new int[users + 1];
        for (int i = 0; i < n; i++) {
            if (weights[i] > 0) {
                start[data.user(i) + 1]++;
            }
        }
        for (int u = 0; u < users; u++) {
            start[u + 1] += start[u];
        }
        // item in the high half, weight bits in the low half: sorting a row sorts by item, then weight,
        // which makes the summation order of repeated pairs independent of the file's row order
        long[] packed = new long[start[users]];
        int[] fill = Arrays.copyOf(start, users);
        for (int i = 0; i < n; i++) {
            if (weights[i] > 0) {
                packed[fill[data.user(i)]++] = ((long) data.item(i) << 32) | (Float.floatToRawIntBits(weights[i]) & 0xFFFFFFFFL);
            }
        }
        int[] rowStart = new int[users + 1];
        int[] column = new int[packed.length];
        float[] strength = new float[packed.length];
        int out = 0;
        for (int u = 0; u < users; u++) {
            Arrays.sort(packed, start[u], start[u + 1]);
            rowStart[u] = out;
            for (int k = start[u]; k < start[u + 1]; k++) {
                int item = (int) (packed[k] >>> 32);
                float weight = Float.intBitsToFloat((int) packed[k]);
                if (out > rowStart[u] && column[out - 1] == item) {
                    strength[out - 1] += weight;
                } else {
                    column[out] = item;
                    strength[out++] = weight;
                }
            }
        }
        rowStart[users] = out;
        for (int k = 0; k < out; k++) {
            strength[k] *= alpha;
        }
        return new InteractionMatrix(users, data.itemCount(), rowStart, Arrays.copyOf(column, out),
                Arrays.copyOf(strength, out), packed.length);
    }

    /** Items as rows, users as columns; columns stay in ascending order. */
    public InteractionMatrix transpose() {
        int[] start = new int[columns + 1];
        for (int k = 0; k < rowStart[rows]; k++) {
            start[column[k] + 1]++;
        }
        for (int c = 0; c < columns; c++) {
            start[c + 1] += start[c];
        }
        int[] fill = Arrays.copyOf(start, columns);
        int[] transposedColumn = new int[column.length];
        float[] transposedStrength = new float[column.length];
        for (int r = 0; r < rows; r++) {
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                int slot = fill[column[k]]++;
                transposedColumn[slot] = r;
                transposedStrength[slot] = strength[k];
            }
        }
        return new InteractionMatrix(columns, rows, start, transposedColumn, transposedStrength, observations);
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** Stored entries (distinct pairs). */
    public int entries() {
        return rowStart[rows];
    }

    /**
     * The share of interaction rows that repeat a pair seen before (1 - distinct pairs / rows): how
     * often users come back to an item rather than try a new one.
     */
    public double repeatShare() {
        return observations == 0 ? 0 : 1 - (double) entries() / observations;
    }

    public int rowStart(int row) {
        return rowStart[row];
    }

    public int rowEnd(int row) {
        return rowStart[row + 1];
    }

    public int column(int entry) {
        return column[entry];
    }

    public float strength(int entry) {
        return strength[entry];
    }
}
