package io.contextualtargeting.engine.model;

/**
 * The few vector kernels the engine spends its time in. Sums use eight accumulators combined in a
 * fixed order: C2 does not vectorise float reductions, and a fixed order keeps results bit-identical
 * whatever the thread count. {@code axpy} is written so C2 vectorises it.
 */
public final class VectorMath {

    private VectorMath() {
    }

    public static float dot(float[] a, float[] b, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int j = 0;
        for (; j + 7 < n; j += 8) {
            s0 += a[j] * b[j];
            s1 += a[j + 1] * b[j + 1];
            s2 += a[j + 2] * b[j + 2];
            s3 += a[j + 3] * b[j + 3];
            s4 += a[j + 4] * b[j + 4];
            s5 += a[j + 5] * b[j + 5];
            s6 += a[j + 6] * b[j + 6];
            s7 += a[j + 7] * b[j + 7];
        }
        for (; j < n; j++) {
            s0 += a[j] * b[j];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** {@code y += a * x}. */
    public static void axpy(float a, float[] x, float[] y, int n) {
        for (int j = 0; j < n; j++) {
            y[j] += a * x[j];
        }
    }

    /**
     * {@code out = m * v} for a symmetric matrix given as rows, computed as a sum of scaled rows, four
     * rows per pass so each pass over {@code out} does four multiply-adds per element.
     */
    static void symmetricTimes(float[][] m, float[] v, float[] out, int n) {
        java.util.Arrays.fill(out, 0, n, 0f);
        int c = 0;
        for (; c + 3 < n; c += 4) {
            float v0 = v[c];
            float v1 = v[c + 1];
            float v2 = v[c + 2];
            float v3 = v[c + 3];
            float[] m0 = m[c];
            float[] m1 = m[c + 1];
            float[] m2 = m[c + 2];
            float[] m3 = m[c + 3];
            for (int j = 0; j < n; j++) {
                out[j] += v0 * m0[j] + v1 * m1[j] + v2 * m2[j] + v3 * m3[j];
            }
        }
        for (; c < n; c++) {
            axpy(v[c], m[c], out, n);
        }
    }
}
