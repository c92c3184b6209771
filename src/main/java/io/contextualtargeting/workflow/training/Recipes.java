package io.contextualtargeting.workflow.training;

import java.util.Set;

/** The Personalize recipes that produce user segments, the only ones this pipeline trains. */
public final class Recipes {
    public static final String ITEM_AFFINITY = "arn:aws:personalize:::recipe/aws-item-affinity";
    public static final String ITEM_ATTRIBUTE_AFFINITY = "arn:aws:personalize:::recipe/aws-item-attribute-affinity";
    public static final Set<String> USER_SEGMENTATION = Set.of(ITEM_AFFINITY, ITEM_ATTRIBUTE_AFFINITY);

    private Recipes() {
    }
}
