package io.contextualtargeting.aws;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Fits text to what SNS accepts for an email notification: a subject of printable ASCII on one line,
 * at most {@value #MAX_SUBJECT_LENGTH} characters, starting with a letter, digit or punctuation; a
 * message of at most {@value #MAX_MESSAGE_BYTES} bytes of UTF-8. SNS rejects the whole publish
 * otherwise, and a failure report must not be lost because its subject held an accent.
 */
final class SnsEmailText {

    static final int MAX_SUBJECT_LENGTH = 100;
    /** SNS's limit is 256 KiB for the whole payload; 4 KiB are left for the subject and the envelope. */
    static final int MAX_MESSAGE_BYTES = 256 * 1024 - 4096;
    static final String DEFAULT_SUBJECT = "contextual-targeting notification";
    /** SNS refuses an empty message. */
    static final String EMPTY_MESSAGE = "(no message)";
    private static final String ELLIPSIS = "...";

    private SnsEmailText() {
    }

    /** Accents are dropped (é becomes e), line breaks and tabs become spaces, other characters '?'. */
    static String subject(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .replaceAll("\\s+", " ")
                .replaceAll("[^\\x20-\\x7E]", "?")
                .strip();
        if (plain.isEmpty()) {
            return DEFAULT_SUBJECT;
        }
        return plain.length() <= MAX_SUBJECT_LENGTH ? plain
                : plain.substring(0, MAX_SUBJECT_LENGTH - ELLIPSIS.length()).stripTrailing() + ELLIPSIS;
    }

    /** A message over the limit is cut at a character boundary and says how much was cut. */
    static String message(String text) {
        String message = text == null || text.isBlank() ? EMPTY_MESSAGE : text;
        byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_MESSAGE_BYTES) {
            return message;
        }
        String note = "\n[message truncated: " + utf8.length + " bytes in all, SNS takes at most 256 KiB]";
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
        ByteBuffer room = ByteBuffer.allocate(MAX_MESSAGE_BYTES - note.length());
        CharBuffer chars = CharBuffer.wrap(message);
        encoder.encode(chars, room, true);
        return message.substring(0, chars.position()) + note;
    }
}
