package io.contextualtargeting.formats.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A named input the engine reads: a file, an object of the local object store, a string in a test.
 * The name is what error messages show; nothing is opened until {@link #open()} is called.
 */
public record DataSource(String name, Opener opener) {

    /** Opens a fresh stream over the content each time it is called. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public InputStream open() throws IOException {
        return opener.open();
    }

    /** A file, named by its file name; a missing file is reported as an input error, not an I/O trace. */
    public static DataSource ofFile(Path path) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        return new DataSource(name, () -> {
            try {
                return Files.newInputStream(path);
            } catch (NoSuchFileException e) {
                throw new DataFileException(path.toString(), 0, null, "file not found");
            }
        });
    }

    /** In-memory UTF-8 text, for tests and small generated inputs. */
    public static DataSource ofText(String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new DataSource(name, () -> new ByteArrayInputStream(bytes));
    }
}
