package io.contextualtargeting.formats.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;

/**
 * Reads a Personalize dataset group's files into {@link TrainingData}: the items file first (its
 * order fixes the first item indices), then the interactions, then the users file is validated.
 * Interactions may name items the items file lacks: Personalize imports them too; they get the next
 * indices and, having no metadata, match no attribute query.
 */
public final class TrainingDataReader {

    private TrainingDataReader() {
    }

    /** Reads with TIMESTAMPs checked against the system clock's now. */
    public static TrainingData read(DataSource interactions, Optional<DataSource> items, Optional<DataSource> users,
                                    DatasetSchemas schemas) {
        return read(interactions, items, users, schemas, Clock.systemUTC());
    }

    /** @param clock says when "now" is: a TIMESTAMP more than a day after it stops the read */
    public static TrainingData read(DataSource interactions, Optional<DataSource> items, Optional<DataSource> users,
                                    DatasetSchemas schemas, Clock clock) {
        try {
            Ids.Builder itemIds = new Ids.Builder();
            ItemAttributes attributes = items.isPresent()
                    ? ItemsReader.read(items.get(), schemas.items(), itemIds) : ItemAttributes.empty();
            int catalogItems = itemIds.size();
            InteractionsReader reader = new InteractionsReader(new Ids.Builder(), itemIds, new TimestampRange(clock));
            reader.read(interactions, schemas.interactions());
            if (users.isPresent()) {
                UsersReader.validate(users.get(), schemas.users());
            }
            return reader.toTrainingData(catalogItems, attributes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
