package io.contextualtargeting.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The dataset of {@link PipelineFixture}, generated once per test class (register it as a static
 * extension) and copied for each test, which may then break its copy.
 */
final class TinyDataset implements BeforeAllCallback, AfterAllCallback {
    private Path base;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        base = Files.createTempDirectory("tiny-dataset");
        PipelineFixture.generate(base);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try (Stream<Path> paths = Files.walk(base)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The generated dataset's root, not to be changed. */
    Path base() {
        return base;
    }

    /** A fresh copy of the dataset in {@code dir}. */
    PipelineFixture copyTo(Path dir) {
        return new PipelineFixture(base, dir);
    }
}
