package io.contextualtargeting.formats.data;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Everything the engine trains on, with dense indices: users (in order of first interaction),
 * items (items file order, then items seen only in interactions), one entry per interaction row
 * (duplicates kept: they are repeated interactions) and the items' attribute index.
 */
public final class TrainingData {
    private final Ids users;
    private final Ids items;
    private final int catalogItemCount;
    private final int[] userOf;
    private final int[] itemOf;
    private final long[] timestamps;
    private final float[] eventValues;
    private final int[] eventTypeOf;
    private final List<String> eventTypes;
    private final ItemAttributes attributes;

    /**
     * @param catalogItemCount how many of the items came from the items file (they have the lowest indices)
     * @param eventValues      per interaction, NaN where there is none; null when the file has no EVENT_VALUE
     * @param eventTypeOf      per interaction, an index into {@code eventTypes}; null when there is no EVENT_TYPE
     */
    public TrainingData(Ids users, Ids items, int catalogItemCount, int[] userOf, int[] itemOf, long[] timestamps,
                        float[] eventValues, int[] eventTypeOf, List<String> eventTypes, ItemAttributes attributes) {
        if (itemOf.length != userOf.length || timestamps.length != userOf.length
                || eventValues != null && eventValues.length != userOf.length
                || eventTypeOf != null && eventTypeOf.length != userOf.length) {
            throw new IllegalArgumentException("interaction arrays differ in length");
        }
        this.users = users;
        this.items = items;
        this.catalogItemCount = catalogItemCount;
        this.userOf = userOf;
        this.itemOf = itemOf;
        this.timestamps = timestamps;
        this.eventValues = eventValues;
        this.eventTypeOf = eventTypeOf;
        this.eventTypes = List.copyOf(eventTypes);
        this.attributes = attributes;
    }

    public Ids users() {
        return users;
    }

    public Ids items() {
        return items;
    }

    public int userCount() {
        return users.size();
    }

    public int itemCount() {
        return items.size();
    }

    /** Items that came from the items file; the others appear only in interactions and have no metadata. */
    public int catalogItemCount() {
        return catalogItemCount;
    }

    public int interactionCount() {
        return userOf.length;
    }

    public int user(int interaction) {
        return userOf[interaction];
    }

    public int item(int interaction) {
        return itemOf[interaction];
    }

    /** Seconds since 1970. */
    public long timestamp(int interaction) {
        return timestamps[interaction];
    }

    /** The EVENT_VALUE, or NaN when the row has none or the file has no such column. */
    public float eventValue(int interaction) {
        return eventValues == null ? Float.NaN : eventValues[interaction];
    }

    public boolean hasEventTypes() {
        return eventTypeOf != null;
    }

    /** Index into {@link #eventTypes()}, or -1 when the file has no EVENT_TYPE column. */
    public int eventType(int interaction) {
        return eventTypeOf == null ? -1 : eventTypeOf[interaction];
    }

    public List<String> eventTypes() {
        return eventTypes;
    }

    public ItemAttributes attributes() {
        return attributes;
    }

    /**
     * The TIMESTAMP at {@code share} of the interactions in time order (0 the oldest, near 1 the
     * newest): a time-based hold-out trains on the interactions before it.
     */
    public long timestampAtShare(double share) {
        long[] times = timestamps.clone();
        Arrays.sort(times);
        return times[Math.min(times.length - 1, (int) Math.floor(share * times.length))];
    }

    /**
     * The same users, items and attributes (indices unchanged) with only the interactions the filter
     * accepts, e.g. {@code i -> data.timestamp(i) < cutoff} for a time-based hold-out.
     */
    public TrainingData select(IntPredicate interactionFilter) {
        int n = userOf.length;
        int kept = 0;
        int[] selected = new int[n];
        for (int i = 0; i < n; i++) {
            if (interactionFilter.test(i)) {
                selected[kept++] = i;
            }
        }
        int[] u = new int[kept];
        int[] it = new int[kept];
        long[] ts = new long[kept];
        float[] values = eventValues == null ? null : new float[kept];
        int[] types = eventTypeOf == null ? null : new int[kept];
        for (int k = 0; k < kept; k++) {
            int i = selected[k];
            u[k] = userOf[i];
            it[k] = itemOf[i];
            ts[k] = timestamps[i];
            if (values != null) {
                values[k] = eventValues[i];
            }
            if (types != null) {
                types[k] = eventTypeOf[i];
            }
        }
        return new TrainingData(users, items, catalogItemCount, u, it, ts, values, types, eventTypes, attributes);
    }
}
