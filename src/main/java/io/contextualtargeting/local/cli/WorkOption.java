package io.contextualtargeting.local.cli;

import io.contextualtargeting.local.LocalCloud;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --work DIR} of the commands that read a work folder {@code run} left (a picocli mixin). */
final class WorkOption {
    @Option(names = "--work", paramLabel = "DIR", defaultValue = LocalCloud.DEFAULT_WORK,
            converter = OptionTypes.Folder.class,
            description = "The work folder of the run (run --work).")
    Path work;
}
