package io.contextualtargeting.formats;

import java.util.regex.Pattern;

/**
 * Keeps personal data out of text that leaves the process (error messages, which Lambda logs and
 * Step Functions keeps in execution histories, and emails): e-mail addresses and phone numbers are
 * masked. Lines and fields still say where the value is, so the masked text stays actionable.
 */
public final class PersonalData {
    public static final String EMAIL_MASK = "<e-mail address>";
    public static final String PHONE_MASK = "<phone number>";

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    /**
     * International numbers (E.164, as Pinpoint SMS and voice addresses are written, with optional
     * separators) and the North American forms (555) 123-4567 and 555-123-4567. Bare digit runs are
     * left alone: they are ids, counts and timestamps far more often than phone numbers.
     */
    private static final Pattern PHONE = Pattern.compile(
            "\\+[1-9](?:[ .()-]?\\d){6,14}\\b|\\(\\d{3}\\) ?\\d{3}[-. ]\\d{4}\\b|\\b\\d{3}[-.]\\d{3}[-.]\\d{4}\\b");

    private PersonalData() {
    }

    /** Whether the text holds an e-mail address or a phone number. */
    public static boolean appears(String text) {
        return text != null && (EMAIL.matcher(text).find() || PHONE.matcher(text).find());
    }

    /** The text with every e-mail address and phone number masked; null stays null. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        return PHONE.matcher(EMAIL.matcher(text).replaceAll(EMAIL_MASK)).replaceAll(PHONE_MASK);
    }
}
