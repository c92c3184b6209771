package io.contextualtargeting.workflow.notify;

import java.util.regex.Pattern;

/** Keeps personal data out of messages and logs: e-mail addresses are masked. */
public final class Redaction {
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    private Redaction() {
    }

    public static String maskEmails(String text) {
        return text == null ? null : EMAIL.matcher(text).replaceAll("<e-mail address>");
    }
}
