package io.contextualtargeting.engine.generate;

/** Draws one item of a fixed set in proportion to the items' planted popularity. */
final class ItemSampler {
    private final int[] members;
    private final AliasTable table;

    ItemSampler(int[] members, double[] popularity) {
        this.members = members;
        double[] weights = new double[members.length];
        for (int i = 0; i < members.length; i++) {
            weights[i] = popularity[members[i]];
        }
        this.table = new AliasTable(weights);
    }

    int sample(RandomStream random) {
        return members[table.sample(random)];
    }
}
