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

    /**
     * {@code out[q] = y_q . v} for four vectors at once: sixteen independent sums the processor can
     * overlap, where one dot product at a time leaves it waiting on each addition.
     */
    public static void dot4(float[] y0, float[] y1, float[] y2, float[] y3, float[] v, float[] out, int n) {
        float a0 = 0;
        float a1 = 0;
        float a2 = 0;
        float a3 = 0;
        float b0 = 0;
        float b1 = 0;
        float b2 = 0;
        float b3 = 0;
        float c0 = 0;
        float c1 = 0;
        float c2 = 0;
        float c3 = 0;
        float d0 = 0;
        float d1 = 0;
        float d2 = 0;
        float d3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            float v0 = v[j];
            float v1 = v[j + 1];
            float v2 = v[j + 2];
            float v3 = v[j + 3];
            a0 += y0[j] * v0;
            a1 += y0[j + 1] * v1;
            a2 += y0[j + 2] * v2;
            a3 += y0[j + 3] * v3;
            b0 += y1[j] * v0;
            b1 += y1[j + 1] * v1;
            b2 += y1[j + 2] * v2;
            b3 += y1[j + 3] * v3;
            c0 += y2[j] * v0;
            c1 += y2[j + 1] * v1;
            c2 += y2[j + 2] * v2;
            c3 += y2[j + 3] * v3;
            d0 += y3[j] * v0;
            d1 += y3[j + 1] * v1;
            d2 += y3[j + 2] * v2;
            d3 += y3[j + 3] * v3;
        }
        for (; j < n; j++) {
            a0 += y0[j] * v[j];
            b0 += y1[j] * v[j];
            c0 += y2[j] * v[j];
            d0 += y3[j] * v[j];
        }
        out[0] = (a0 + a1) + (a2 + a3);
        out[1] = (b0 + b1) + (b2 + b3);
        out[2] = (c0 + c1) + (c2 + c3);
        out[3] = (d0 + d1) + (d2 + d3);
    }

    /** {@code out += a[0] y0 + a[1] y1 + a[2] y2 + a[3] y3}, one pass over {@code out}. */
    public static void axpy4(float[] a, float[] y0, float[] y1, float[] y2, float[] y3, float[] out, int n) {
        float a0 = a[0];
        float a1 = a[1];
        float a2 = a[2];
        float a3 = a[3];
        for (int j = 0; j < n; j++) {
            out[j] += a0 * y0[j] + a1 * y1[j] + a2 * y2[j] + a3 * y3[j];
        }
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
