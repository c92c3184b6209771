package io.contextualtargeting.local.cli;

import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.formats.data.DatasetSchemas;
import io.contextualtargeting.formats.data.SchemaReader;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.data.TrainingDataReader;
import io.contextualtargeting.embedded.EngineTraining;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The data files and training settings {@code segment} and {@code evaluate} read (a picocli mixin). */
final class DataFileOptions {

    @Mixin
    CsvFileOptions csv;

    @Option(names = "--config", paramLabel = "FILE", converter = OptionTypes.InputFile.class,
            description = "Training config (train/NAME/NAME_config.json): the files' schemas and the settings of its"
                    + " first solution.")
    Path config;

    @Mixin
    TrainingOptions trainingOptions;

    /** The training settings: the options on top of the config's first solution. */
    EngineTraining training() throws IOException {
        return trainingOptions.training(TrainingOptions.fromConfig(Optional.ofNullable(config)));
    }

    /** The config's schemas; none without a config. */
    DatasetSchemas schemas() {
        return Optional.ofNullable(config).map(c -> SchemaReader.fromTrainingConfig(DataSource.ofFile(c)))
                .orElse(DatasetSchemas.NONE);
    }

    TrainingData read(DatasetSchemas schemas) {
        return TrainingDataReader.read(DataSource.ofFile(csv.interactions),
                Optional.ofNullable(csv.items).map(DataSource::ofFile), Optional.ofNullable(csv.users).map(DataSource::ofFile),
                schemas);
    }
}
