package io.contextualtargeting.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SnsEmailTextTest {

    @Test
    void accentsAreDroppedAndOtherNonAsciiBecomesQuestionMarks() {
        assertThat(SnsEmailText.subject("Segment Ação prêt — 日本")).isEqualTo("Segment Acao pret ? ??");
    }

    @Test
    void lineBreaksAndTabsBecomeSingleSpaces() {
        assertThat(SnsEmailText.subject("  Training failed\r\n\tsee\n\nbody  ")).isEqualTo("Training failed see body");
    }

    @Test
    void longSubjectIsCutToOneHundredCharactersWithEllipsis() {
        String subject = SnsEmailText.subject("x".repeat(99) + " tail words");

        assertThat(subject).hasSize(SnsEmailText.MAX_SUBJECT_LENGTH).endsWith("...").startsWith("xxxx");
    }

    @Test
    void subjectOfExactlyOneHundredCharactersIsKept() {
        String hundred = "a".repeat(100);

        assertThat(SnsEmailText.subject(hundred)).isEqualTo(hundred);
    }

    @Test
    void emptyOrUnprintableSubjectFallsBackToDefault() {
        assertThat(SnsEmailText.subject(null)).isEqualTo(SnsEmailText.DEFAULT_SUBJECT);
        assertThat(SnsEmailText.subject(" \n\t ")).isEqualTo(SnsEmailText.DEFAULT_SUBJECT);
    }

    @Test
    void messageWithinTheLimitIsUnchanged() {
        assertThat(SnsEmailText.message("é\nline 2")).isEqualTo("é\nline 2");
    }

    @Test
    void emptyMessageIsReplacedBecauseSnsRefusesIt() {
        assertThat(SnsEmailText.message("")).isEqualTo(SnsEmailText.EMPTY_MESSAGE);
        assertThat(SnsEmailText.message(null)).isEqualTo(SnsEmailText.EMPTY_MESSAGE);
    }

    @Test
    void oversizedMessageIsCutAtACharacterBoundaryAndSaysSo() {
        String huge = "é".repeat(200_000);

        String fitted = SnsEmailText.message(huge);

        assertThat(fitted.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(SnsEmailText.MAX_MESSAGE_BYTES);
        assertThat(fitted).startsWith("éé").contains("[message truncated: 400000 bytes in all");
        assertThat(fitted.substring(0, fitted.indexOf('\n'))).matches("é+");
    }
}
