package io.contextualtargeting.formats.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "-7", "+12", "1688235418", "9223372036854775807"})
    void wholeNumbersParseAsLongDoes(String text) {
        assertThat(Numbers.parseLong(bytes(text), 0, text.length())).isEqualTo(Long.parseLong(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "abc", "1.5", "1e9", " 1", "9223372036854775808", "12a"})
    void otherTextIsNotALong(String text) {
        assertThat(Numbers.parseLong(bytes(text), 0, text.length())).isEqualTo(Numbers.NOT_A_LONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.94", "1", "-2.5", "0.1", "3.4028235E38", "1e-3", "123456789012345678", ".5", "7."})
    void decimalsParseExactlyAsFloatParseFloatDoes(String text) {
        assertThat(Numbers.parseFloat(bytes(text), 0, text.length())).isEqualTo(Float.parseFloat(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "NaN", "Infinity", "1f", "0x1p3", " 1", "1e39", "1..2", "-"})
    void otherTextIsNotAFiniteNumber(String text) {
        assertThat(Numbers.parseFloat(bytes(text), 0, text.length())).isNaN();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
