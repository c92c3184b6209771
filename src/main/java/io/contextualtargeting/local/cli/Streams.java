package io.contextualtargeting.local.cli;

import java.io.PrintStream;

/**
 * Where a command writes: {@code out} for its result (the only thing on it with {@code --json}),
 * {@code err} for progress, hints and errors.
 */
record Streams(PrintStream out, PrintStream err) {

    /** Progress goes to {@code err} when the result on {@code out} must stay machine-readable. */
    PrintStream progress(boolean json) {
        return json ? err : out;
    }
}
