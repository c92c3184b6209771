package io.contextualtargeting.formats.data;

import java.util.Optional;

/** The schemas of the three datasets of a training config; each may be absent. */
public record DatasetSchemas(Optional<DatasetSchema> interactions, Optional<DatasetSchema> items,
                             Optional<DatasetSchema> users) {

    public static final DatasetSchemas NONE = new DatasetSchemas(Optional.empty(), Optional.empty(), Optional.empty());
}
