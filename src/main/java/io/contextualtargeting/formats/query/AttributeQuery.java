package io.contextualtargeting.formats.query;

import java.util.List;

/**
 * Users most likely to interact with items matching every term (the aws-item-attribute-affinity
 * recipe). Built by {@link AttributeExpressionParser}, which guarantees at least one term.
 */
public record AttributeQuery(String expression, List<AttributeTerm> terms) implements SegmentQuery {
    public static final String KEY = "itemAttributes";

    public AttributeQuery {
        terms = List.copyOf(terms);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("an attribute query needs at least one term");
        }
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String value() {
        return expression;
    }
}
