package io.contextualtargeting.local.notify;

import io.contextualtargeting.ports.Notifier;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** The local stand-in for the SNS email topic: each message becomes a file in an outbox and a line on the console. */
public final class OutboxNotifier implements Notifier {
    private final Path outbox;
    private final PrintStream console;
    private final AtomicInteger sent = new AtomicInteger();

    public OutboxNotifier(Path outbox, PrintStream console) {
        this.outbox = outbox;
        this.console = console;
    }

    @Override
    public void notify(String subject, String message) {
        int number = sent.incrementAndGet();
        Path file = outbox.resolve(String.format(Locale.ROOT, "%03d-%s.txt", number, slug(subject)));
        try {
            Files.createDirectories(outbox);
            Files.writeString(file, "Subject: " + subject + "\n\n" + message, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        console.println("email: " + subject + "  (" + file + ")");
    }

    /** How many messages were sent. */
    public int sent() {
        return sent.get();
    }

    private static String slug(String subject) {
        String slug = subject.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.length() > 60 ? slug.substring(0, 60) : slug;
    }
}
