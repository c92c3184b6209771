package io.contextualtargeting.local.cloudformation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where templates and the files they point to (nested templates, ASL definitions) come from:
 * a folder (tests, the repository root) or the classpath (the runnable jar bundles them under a
 * root such as {@code deploy/}). Paths are relative, with {@code /} separators.
 */
@FunctionalInterface
public interface TemplateSource {

    /** The text of the file at {@code path}; a missing file is a {@link TemplateException}. */
    String read(String path);

    static TemplateSource directory(Path root) {
        return path -> {
            Path file = root.resolve(path);
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new TemplateException(path, null, "file not found under " + root.toAbsolutePath());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        };
    }

    /** Files under {@code root} (e.g. {@code deploy/}) of this class's class loader. */
    static TemplateSource classpath(String root) {
        String prefix = root.isEmpty() || root.endsWith("/") ? root : root + "/";
        return path -> {
            String resource = prefix + path;
            try (InputStream in = TemplateSource.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new TemplateException(path, null, "resource " + resource + " not found on the classpath");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read resource " + resource, e);
            }
        };
    }

    /** {@code relative} seen from the folder of {@code file}, normalised ({@code ..} and {@code .} removed). */
    static String resolve(String file, String relative) {
        int slash = file.lastIndexOf('/');
        String joined = (slash < 0 ? "" : file.substring(0, slash + 1)) + relative;
        Deque<String> parts = new ArrayDeque<>();
        for (String part : joined.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }
}
