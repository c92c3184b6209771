package io.contextualtargeting.engine.segment;

import io.contextualtargeting.formats.query.QueryKind;
import java.util.Locale;

/**
 * How a segment ranks users, as chosen by validation: a user's score is their activity raised to
 * {@code activityExponent}, times the chance that their next interaction is with the query's items,
 * estimated as a mix of the model's share of the user's predicted preferences ({@code modelWeight}),
 * the user's own share of past interactions on those items ({@code historyWeight}) and the items'
 * share of everyone's interactions ({@code popularityWeight}). The weights sum to 1. Half-lives are
 * in days, 0 meaning no fading: {@code activityHalfLifeDays} for "who is active now",
 * {@code historyHalfLifeDays} for the user's past shares, {@code tasteHalfLifeDays} for the model's
 * view of the user's taste. With {@code activityLearnt}, activity is instead what the data's latest
 * period taught about how users' past predicts their next interactions ({@link LearntActivity}),
 * and the activity half-life is 0. With no model
 * weight the choice is one of the simple rules (history,
 * recent history, most active, last active) or a blend of them, and {@link #describe()} says so.
 */
public record ScoringChoice(double modelWeight, double historyWeight, double popularityWeight, double activityExponent,
                            double activityHalfLifeDays, double historyHalfLifeDays, double tasteHalfLifeDays,
                            boolean activityLearnt) {

    /**
     * Share given to the items' popularity on top of the mix, so that users with nothing else to go
     * on (no history with the items, no model) are still ordered by activity.
     */
    static final double TIE_BREAK = 1e-4;
    /**
     * Below e^-80 of the most active user's, activity factors are compressed a thousandfold instead
     * of falling further: no float underflows to 0, and older users keep their order.
     */
    private static final double SOFT_FLOOR = -80;
    private static final double BELOW_FLOOR_SLOPE = 1e-3;

    /**
     * What is used when the data cannot be validated (too short a history, too few users), and where
     * the search starts: a balanced mix, no fading. For an item, the user's own history counts as
     * often as users come back to an item they had ({@code repeatShare}); for an attribute value it
     * is a quarter, as a user's past share of a genre says much of their taste.
     */
    public static ScoringChoice fallback(QueryKind kind, double repeatShare) {
        return kind == QueryKind.ITEM
                ? new ScoringChoice(0.75 * (1 - repeatShare), repeatShare, 0.25 * (1 - repeatShare), 1, 0, 0, 0, false)
                : new ScoringChoice(0.5, 0.25, 0.25, 1, 0, 0, 0, false);
    }

    public ScoringChoice withMix(double model, double history) {
        return new ScoringChoice(model, history, 1 - model - history, activityExponent, activityHalfLifeDays,
                historyHalfLifeDays, tasteHalfLifeDays, activityLearnt);
    }

    public ScoringChoice withActivityExponent(double value) {
        return new ScoringChoice(modelWeight, historyWeight, popularityWeight, value, activityHalfLifeDays,
                historyHalfLifeDays, tasteHalfLifeDays, activityLearnt);
    }

    /** Activity faded by this half-life (and not learnt). */
    public ScoringChoice withActivityHalfLifeDays(double value) {
        return new ScoringChoice(modelWeight, historyWeight, popularityWeight, activityExponent, value,
                historyHalfLifeDays, tasteHalfLifeDays, false);
    }

    /** Activity as the data's latest period teaches it. */
    public ScoringChoice withActivityLearnt() {
        return new ScoringChoice(modelWeight, historyWeight, popularityWeight, activityExponent, 0,
                historyHalfLifeDays, tasteHalfLifeDays, true);
    }

    public ScoringChoice withHistoryHalfLifeDays(double value) {
        return new ScoringChoice(modelWeight, historyWeight, popularityWeight, activityExponent, activityHalfLifeDays,
                value, tasteHalfLifeDays, activityLearnt);
    }

    public ScoringChoice withTasteHalfLifeDays(double value) {
        return new ScoringChoice(modelWeight, historyWeight, popularityWeight, activityExponent, activityHalfLifeDays,
                historyHalfLifeDays, value, activityLearnt);
    }

    /**
     * The user's activity factor, {@code (A_u / A_max)^activityExponent}, from the log of their
     * activity relative to the most active user's ({@code <= 0}).
     */
    float activityFactor(double relativeLogActivity) {
        double log = activityExponent * relativeLogActivity;
        return (float) Math.exp(log >= SOFT_FLOOR ? log : SOFT_FLOOR + BELOW_FLOOR_SLOPE * (log - SOFT_FLOOR));
    }

    /** The part of the chance that is not the user's own history: model share and popularity. */
    double sharedPart(double modelShare, double popularity) {
        return modelWeight * modelShare + (popularityWeight + TIE_BREAK) * popularity;
    }

    /** Whether the model takes part, or the choice is a rule on the users' own histories. */
    public boolean usesModel() {
        return modelWeight > 0;
    }

    /** One line a user can read, e.g. "model 0.50 + own history 0.25 (half-life 30 d) + popularity 0.25, x activity^1 (half-life 7 d)". */
    public String describe() {
        StringBuilder text = new StringBuilder(usesModel() ? "" : "a rule, no model: ");
        String separator = "";
        if (modelWeight > 0) {
            text.append(String.format(Locale.ROOT, "model %.2f (tastes: %s)", modelWeight, halfLife(tasteHalfLifeDays)));
            separator = " + ";
        }
        if (historyWeight > 0) {
            text.append(separator).append(String.format(Locale.ROOT, "own history %.2f (%s)", historyWeight,
                    halfLife(historyHalfLifeDays)));
            separator = " + ";
        }
        if (popularityWeight > 0) {
            text.append(separator).append(String.format(Locale.ROOT, "popularity %.2f", popularityWeight));
        }
        if (activityExponent > 0) {
            text.append(String.format(Locale.ROOT, ", x activity^%s (%s)", number(activityExponent),
                    activityLearnt ? "learnt from how the latest period followed the past" : halfLife(activityHalfLifeDays)));
        }
        return text.toString();
    }

    private static String halfLife(double days) {
        return days > 0 ? String.format(Locale.ROOT, "half-life %s d", number(days)) : "no fading";
    }

    /** A number as people write it: whole numbers without decimals, others to three significant digits. */
    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3g", value);
    }
}
