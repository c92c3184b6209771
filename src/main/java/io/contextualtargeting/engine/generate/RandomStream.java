package io.contextualtargeting.engine.generate;

/**
 * A seeded pseudo-random stream with the distributions the generator needs. SplitMix64 and
 * StrictMath are fully specified, so a seed gives the same numbers on every JVM and platform,
 * which is what makes generated files byte-identical.
 */
final class RandomStream {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    /** What a stream is for: streams of different purposes never share numbers. */
    enum Purpose { PERIOD, CATALOG, USER_PROFILE, USER_EVENTS }

    private long state;
    /** Box-Muller makes normals in pairs; the second waits here. */
    private double spareGaussian;
    private boolean hasSpareGaussian;

    private RandomStream(long state) {
        this.state = state;
    }

    /** The stream for one purpose and index (e.g. one user), independent of all others. */
    static RandomStream of(long seed, Purpose purpose, long index) {
        long base = mix(seed + (purpose.ordinal() + 1) * 0xbf58476d1ce4e5b9L);
        return new RandomStream(mix(base + (index + 1) * GOLDEN_GAMMA));
    }

    /** A well-mixed 64-bit function of a value (the SplitMix64 finaliser). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [low, high). */
    double uniform(double low, double high) {
        return low + (high - low) * nextDouble();
    }

    /** Uniform in [0, bound), bound > 0 (multiply-shift; the bias is below 2^-32). */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    double gaussian() {
        if (hasSpareGaussian) {
            hasSpareGaussian = false;
            return spareGaussian;
        }
        double radius = StrictMath.sqrt(-2.0 * StrictMath.log(1.0 - nextDouble()));
        double angle = 2.0 * StrictMath.PI * nextDouble();
        spareGaussian = radius * StrictMath.sin(angle);
        hasSpareGaussian = true;
        return radius * StrictMath.cos(angle);
    }

    double exponential(double mean) {
        return -mean * StrictMath.log(1.0 - nextDouble());
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang; shapes below 1 use the U^(1/shape) boost. */
    double gamma(double shape) {
        if (shape < 1.0) {
            // exp(log(u) / a) rather than pow(u, 1 / a): StrictMath.pow is far slower on JDK 17.
            return gamma(shape + 1.0) * StrictMath.exp(StrictMath.log(1.0 - nextDouble()) / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / StrictMath.sqrt(9.0 * d);
        while (true) {
            double x = gaussian();
            double v = 1.0 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1.0 - nextDouble();
            double xx = x * x;
            // The squeeze accepts most draws without the two logarithms.
            if (u < 1.0 - 0.0331 * xx * xx || StrictMath.log(u) < 0.5 * xx + d - d * v + d * StrictMath.log(v)) {
                return d * v;
            }
        }
    }

    /** A Dirichlet draw; a zero concentration gives a zero share. */
    double[] dirichlet(double[] concentration) {
        double[] draw = new double[concentration.length];
        double total = 0;
        for (int i = 0; i < draw.length; i++) {
            draw[i] = concentration[i] > 0 ? gamma(concentration[i]) : 0;
            total += draw[i];
        }
        for (int i = 0; i < draw.length; i++) {
            draw[i] /= total;
        }
        return draw;
    }

    /** An index drawn in proportion to non-negative weights (linear scan: for short arrays). */
    int pick(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double target = nextDouble() * total;
        int last = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                last = i;
                target -= weights[i];
                if (target < 0) {
                    return i;
                }
            }
        }
        return last;
    }

    /** One of the values, uniformly. */
    <T> T oneOf(java.util.List<T> values) {
        return values.get(nextInt(values.size()));
    }
}
