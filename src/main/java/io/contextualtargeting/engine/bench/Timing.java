package io.contextualtargeting.engine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The best wall time and the best CPU time of the calling thread over repeated runs. On a shared
 * machine the CPU time is the fairer figure: it leaves out the time other processes held the core.
 */
public final class Timing {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long wallStart;
    private long cpuStart;
    private long bestWall = Long.MAX_VALUE;
    private long bestCpu = Long.MAX_VALUE;

    public void start() {
        wallStart = System.nanoTime();
        cpuStart = threads.getCurrentThreadCpuTime();
    }

    public void stop() {
        bestCpu = Math.min(bestCpu, threads.getCurrentThreadCpuTime() - cpuStart);
        bestWall = Math.min(bestWall, System.nanoTime() - wallStart);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.0f ms (thread CPU time %.0f ms)", bestWall / 1e6, bestCpu / 1e6);
    }
}
