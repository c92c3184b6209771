package io.contextualtargeting.engine.bench;

/** Reads every cache line of a large structure once, on one thread, and reports GB/s. */
final class MemoryBandwidth {
    private static final int FLOATS_PER_LINE = 16;

    private MemoryBandwidth() {
    }

    static double measure(float[][] rows) {
        double best = 0;
        float sink = 0;
        for (int pass = 0; pass < 3; pass++) {
            long start = System.nanoTime();
            long bytes = 0;
            for (float[] row : rows) {
                for (int j = 0; j < row.length; j += FLOATS_PER_LINE) {
                    sink += row[j];
                }
                bytes += 4L * row.length;
            }
            best = Math.max(best, bytes / (double) (System.nanoTime() - start));
        }
        // depending on the sum keeps the JIT from dropping the reads
        return sink == Float.POSITIVE_INFINITY ? -1 : best;
    }
}
