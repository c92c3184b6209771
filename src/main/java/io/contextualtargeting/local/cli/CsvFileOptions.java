package io.contextualtargeting.local.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The dataset CSV files {@code segment}, {@code evaluate} and {@code init} read (a picocli mixin). */
final class CsvFileOptions {

    @Option(names = "--interactions", required = true, paramLabel = "FILE", converter = OptionTypes.InputFile.class,
            description = "Interactions CSV: USER_ID, ITEM_ID, TIMESTAMP (seconds since 1970), optional EVENT_TYPE,"
                    + " EVENT_VALUE.")
    Path interactions;

    @Option(names = "--items", paramLabel = "FILE", converter = OptionTypes.InputFile.class,
            description = "Items CSV: ITEM_ID and the attributes item-attribute queries name (ITEMS.GENRES ...).")
    Path items;

    @Option(names = "--users", paramLabel = "FILE", converter = OptionTypes.InputFile.class,
            description = "Users CSV: USER_ID and user metadata.")
    Path users;
}
