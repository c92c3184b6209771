package io.contextualtargeting.workflow.segments;

import io.contextualtargeting.formats.batch.BatchInput;
import io.contextualtargeting.formats.query.ItemQuery;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Names the segments of one job as the reference solution does: the letters (and digits) of the
 * query, then the UTC time, {@code ITEMS.genres = "Action"} becoming
 * {@code ITEMSgenresAction_20261128-101500}; an item query becomes {@code item_105_20261128-101500}.
 * Digits are kept so that {@code year = "1995"} and {@code year = "2019"} differ; a name repeated
 * within the job gets {@code -2}, {@code -3}... (names taken by other jobs are handled when the
 * file is written).
 */
final class SegmentNames {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int MAX_STEM = 100;

    private final String stamp;
    private final Map<String, Integer> used = new HashMap<>();

    SegmentNames(Instant now) {
        this.stamp = STAMP.format(now);
    }

    String next(BatchInput input) {
        String stem = ItemQuery.KEY.equals(input.key())
                ? "item_" + input.value().replaceAll("[^A-Za-z0-9_-]", "")
                : input.value().replaceAll("[^A-Za-z0-9]", "");
        if (stem.length() > MAX_STEM) {
            stem = stem.substring(0, MAX_STEM);
        }
        String name = stem + "_" + stamp;
        int seen = used.merge(name, 1, Integer::sum);
        return seen == 1 ? name : name + "-" + seen;
    }

    /** How a query reads in reports: the attribute expression, or {@code itemId = "105"}. */
    static String describe(BatchInput input) {
        return ItemQuery.KEY.equals(input.key()) ? "itemId = \"" + input.value() + "\"" : input.value();
    }
}
