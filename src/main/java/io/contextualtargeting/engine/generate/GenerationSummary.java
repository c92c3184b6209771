package io.contextualtargeting.engine.generate;

/** What a generation run wrote: counts for the report line and the files' layout. */
public record GenerationSummary(DatasetLayout layout, Period period, int users, int items, long interactions,
                                long endpoints, long csvLines, long csvBytes, BatchQueries queries) {
}
