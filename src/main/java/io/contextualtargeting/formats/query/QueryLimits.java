package io.contextualtargeting.formats.query;

/** How many queries of each kind one job input file may hold, and how many users one segment may have. */
public record QueryLimits(int maxItemQueries, int maxAttributeQueries, int maxNumResults) {
    /** Personalize's limits for one batch segment job. */
    public static final QueryLimits PERSONALIZE = new QueryLimits(500, 10, 5_000_000);
    /** No limits: for local runs that go beyond what Personalize would accept ({@code --no-limits}). */
    public static final QueryLimits NONE = new QueryLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
}
