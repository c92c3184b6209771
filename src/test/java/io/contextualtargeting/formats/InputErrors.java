package io.contextualtargeting.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.formats.InputProblemsException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** What fuzz tests demand of a rejection: it names the input it came from and a line inside it. */
public final class InputErrors {

    private InputErrors() {
    }

    /**
     * Asserts that {@code e} and each problem it lists name {@code source} and a line from 0 (the
     * whole input) to one past the last line of {@code input}.
     */
    public static void assertLocated(InputException e, String source, byte[] input) {
        long lines = 1;
        for (byte b : input) {
            if (b == '\n' || b == '\r') {
                lines++;
            }
        }
        assertThat(e.source()).as(e.getMessage()).isEqualTo(source);
        assertThat(e.getMessage()).startsWith(source);
        assertThat(e.line()).as(e.getMessage()).isBetween(0L, lines + 1);
        if (e instanceof InputProblemsException several) {
            assertThat(several.problems()).isNotEmpty();
            for (InputException problem : several.problems()) {
                assertLocated(problem, source, input);
            }
        }
    }

    public static void assertLocated(InputException e, String source, String input) {
        assertLocated(e, source, input.getBytes(StandardCharsets.UTF_8));
    }

    /** The input as a readable string for assertion messages. */
    public static String show(byte[] input) {
        return input.length > 200 ? Arrays.toString(Arrays.copyOf(input, 200)) + "..." : Arrays.toString(input);
    }
}
