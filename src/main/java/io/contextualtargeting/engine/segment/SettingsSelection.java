package io.contextualtargeting.engine.segment;

import io.contextualtargeting.engine.model.ConfidenceWeighting;
import io.contextualtargeting.engine.model.FactorMatrix;
import io.contextualtargeting.engine.model.ImplicitAlsTrainer;
import io.contextualtargeting.engine.model.InteractionMatrix;
import io.contextualtargeting.engine.model.LatentFactors;
import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.engine.model.VectorMath;
import io.contextualtargeting.engine.segment.QuerySample;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.query.QueryKind;
import io.contextualtargeting.formats.query.SegmentQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Chooses how segments rank users from the data itself, so that no time constant or mix is fixed
 * in advance: the latest {@link #VALIDATION_SHARE} of the training interactions are held out, the
 * model is trained on the rest, and candidate {@link ScoringChoice}s are scored by how many of the
 * users who interact with a query's items in the held-out period they put in the top 1 % and 10 %
 * (queries sampled from the data: items over the popularity ranks of those someone had in the
 * held-out period, the most used attribute values). Half-lives are tried as multiples of the held-out period's length H (none, 4H, H, H/4,
 * H/16, H/64, and H/65536, which orders users by their latest interaction), so they follow the
 * data's own time scale; activity may also be learnt from how each user's past predicted their count in
 * the period before ({@link LearntActivity}). The search is coordinate ascent over the
 * mix, the activity exponent and the half-lives, from a balanced start (for item queries also from
 * the best rule, as their best blends often lie next to it); the simple rules (most active, last
 * active, history, recent history) are candidates too, and win when they validate at least as
 * well. Item and attribute queries choose apart: they are different recipes.
 *
 * <p>An item has a handful of held-out users, so recall at 1 % and 10 % alone moves with every one
 * of them, and the search, which keeps the best of many candidates, then follows the noise. Item
 * candidates are therefore judged on many queries ({@link #ITEM_QUERIES}), on up to
 * {@link #MAX_USERS} users, and by their mean recall over six segment sizes from 0.5 % to 20 %
 * ({@link #ITEM_SHARES}); an attribute value has hundreds of held-out users, and is judged at 1 % and
 * 10 % only.
 *
 * <p>The factor model's confidence scale alpha is chosen too: the search runs again on validation
 * models trained with {@link #LOWER_ALPHA}, which is taken when its choices beat the others by one
 * standard error of the paired differences over all validated queries.
 *
 * <p>On small data ({@link #TWO_FOLDS_MAX_INTERACTIONS} interactions at most) every candidate is also
 * judged on a second period, the latest 20 % of what the first one learnt from, with its own
 * validation model: two periods hold twice the held-out users, so the choice follows the data more
 * than the luck of one period.
 */
final class SettingsSelection {
    static final double VALIDATION_SHARE = 0.2;
    /** Users scored per candidate at most: a fixed, evenly spread sample keeps the search cheap on big data. */
    static final int MAX_USERS = 100_000;
    static final int ITEM_QUERIES = 120;
    static final int ATTRIBUTE_QUERIES = 20;
    /** Segment sizes, as shares of the users, whose mean recall judges a candidate; largest first, 10 % and 1 % in both. */
    private static final double[] ITEM_SHARES = {0.2, 0.1, 0.05, 0.02, 0.01, 0.005};
    private static final double[] ATTRIBUTE_SHARES = {0.1, 0.01};
    private static final int ROUNDS = 2;
    /** With fewer validation queries of a kind, its figures are too noisy to choose by: the fallback stays. */
    static final int MIN_QUERIES = 3;
    /** With fewer users who can be ranked, a segment of 1 % holds a handful of users: too few to validate anything. */
    static final int MIN_USERS = 200;
    /**
     * When 1 % of the validation users is fewer people, the choice is printed with a caution, as every
     * change tried on such data moved single figures both ways (docs/benchmarks.md).
     */
    static final int FEW_PEOPLE_AT_1_PERCENT = 10;
    /** The validation model trains this share of the iterations: the final training continues from it. */
    private static final double VALIDATION_ITERATIONS = 0.6;
    /**
     * Up to this many interactions, candidates are also judged on the 20 % before the latest: small
     * data have few held-out users per query, a second period doubles them, and its validation
     * training costs little at that size.
     */
    static final int TWO_FOLDS_MAX_INTERACTIONS = 500_000;
    private static final double SECONDS_PER_DAY = 86_400;
    /**
     * The confidence scale tried against the configured one (10 by default): a lower alpha trusts
     * repeated interactions less, which suits users who come, interact in a burst and leave.
     */
    static final float LOWER_ALPHA = 1;
    private static final double[] MIX_STEPS = {0, 0.25, 0.5, 0.75, 1};
    /**
     * How much a candidate's shortfall against the best rule at 1 % or 10 % lowers the search's
     * objective, on top of its share in the mean over the segment sizes: 2, 4 and 10 measured, 4 kept
     * (docs/benchmarks.md, "Not behind the rules at either size").
     */
    private static final double BEHIND_RULES_WEIGHT = 4;
    private static final double[] EXPONENTS = {0, 0.5, 1, 2, 4};
    /** Half-lives as multiples of the held-out period; 0 is no fading. */
    private static final double[] ACTIVITY_HALF_LIVES = {0, 4, 1, 0.25, 1.0 / 16, 1.0 / 64, 1.0 / 65536};
    private static final double[] HISTORY_HALF_LIVES = {0, 4, 1, 0.25};
    private static final double[] TASTE_HALF_LIVES = {0, 4, 1};

    /** The choices, why, and the factors trained on the earlier part (a warm start for the final training). */
    record Outcome(SelectionReport report, LatentFactors fitted) {
    }

    /** A kind's choice and the trial it won with. */
    private record Chosen(SelectionReport.KindChoice kindChoice, Trial trial) {
    }

    private final TrainingData fit;
    private final float[] fitWeights;
    private final LatentFactors factors;
    private final InteractionMatrix seenByItem;
    private final TrainingParameters parameters;
    private final long cutoff;
    private final double horizonDays;
    private final int[] sample;
    private final int[] position;
    private final Map<QueryKind, List<ValidationQuery>> queries;
    // what does not depend on the model is shared with the same fold under another model
    private final Map<Double, DecayedHistory> histories;
    private final Map<String, float[]> activityFactors;
    /** Learnt activity, once per fold (null until a candidate asks); shared like the other model-free parts. */
    private final UserActivity[] learntActivity;
    private final Map<Double, float[][]> modelShares = new HashMap<>();
    private final Map<Double, List<SparseShares>> historyShares;
    private final ThreadLocal<ValidationRanking> rankings;

    /** One held-out query: its items, its popularity, who interacted with it (sample positions). */
    private record ValidationQuery(QueryKind kind, int index, int[] items, double popularity, int[] positives) {
    }

    private record SparseShares(int[] positions, float[] shares) {
    }

    /** A fold's validation queries of one kind. */
    private record FoldQueries(SettingsSelection selection, List<ValidationQuery> queries) {
    }

    private SettingsSelection(TrainingData fit, TrainingData heldOut, float[] fitWeights, LatentFactors factors,
                              InteractionMatrix seenByItem, TrainingParameters parameters, long cutoff, double horizonDays,
                              Set<QueryKind> kinds) {
        this.queries = new EnumMap<>(QueryKind.class);
        this.histories = new HashMap<>();
        this.activityFactors = new HashMap<>();
        this.learntActivity = new UserActivity[1];
        this.historyShares = new HashMap<>();
        this.fit = fit;
        this.fitWeights = fitWeights;
        this.factors = factors;
        this.seenByItem = seenByItem;
        this.parameters = parameters;
        this.cutoff = cutoff;
        this.horizonDays = horizonDays;
        this.sample = sampleUsers(fit, fitWeights);
        this.position = new int[fit.userCount()];
        Arrays.fill(position, -1);
        for (int p = 0; p < sample.length; p++) {
            position[sample[p]] = p;
        }
        this.rankings = ThreadLocal.withInitial(() -> new ValidationRanking(sample.length));
        List<SegmentQuery> sampled = new ArrayList<>();
        if (kinds.contains(QueryKind.ITEM)) {
            // only items someone in the sample had in the held-out period can validate anything: on sparse
            // data most items of an even spread over the ranks have none, and too few queries would be left
            boolean[] heldOutItem = new boolean[fit.itemCount()];
            for (int i = 0; i < heldOut.interactionCount(); i++) {
                heldOutItem[heldOut.item(i)] |= position[heldOut.user(i)] >= 0;
            }
            sampled.addAll(QuerySample.items(fit, ITEM_QUERIES, item -> heldOutItem[item]));
        }
        if (kinds.contains(QueryKind.ATTRIBUTE)) {
            sampled.addAll(QuerySample.attributes(fit, ATTRIBUTE_QUERIES));
        }
        float[] popularity = itemPopularity(fit, fitWeights);
        int index = 0;
        for (SegmentQuery query : sampled) {
            int[] items;
            try {
                items = MatchingItems.of(query, fit.items(), fit.attributes());
            } catch (UnanswerableQueryException e) {
                continue;
            }
            boolean[] matching = MatchingItems.mask(items, fit.itemCount());
            boolean[] positive = new boolean[sample.length];
            for (int i = 0; i < heldOut.interactionCount(); i++) {
                int p = position[heldOut.user(i)];
                if (p >= 0 && matching[heldOut.item(i)]) {
                    positive[p] = true;
                }
            }
            int[] positives = IntStream.range(0, sample.length).filter(p -> positive[p]).toArray();
            double share = 0;
            for (int item : items) {
                share += popularity[item];
            }
            if (positives.length > 0) {
                queries.computeIfAbsent(QueryKind.of(query), k -> new ArrayList<>())
                        .add(new ValidationQuery(QueryKind.of(query), index++, items, share, positives));
            }
        }
    }

    private SettingsSelection(SettingsSelection fold, LatentFactors factors, TrainingParameters parameters) {
        this.fit = fold.fit;
        this.fitWeights = fold.fitWeights;
        this.factors = factors;
        this.seenByItem = fold.seenByItem;
        this.parameters = parameters;
        this.cutoff = fold.cutoff;
        this.horizonDays = fold.horizonDays;
        this.sample = fold.sample;
        this.position = fold.position;
        this.rankings = fold.rankings;
        this.queries = fold.queries;
        this.histories = fold.histories;
        this.activityFactors = fold.activityFactors;
        this.learntActivity = fold.learntActivity;
        this.historyShares = fold.historyShares;
    }

    /**
     * Validates on the latest interactions of {@code data} and returns the choice per query kind;
     * settings in {@code explicit} are kept as given.
     *
     * @param weighting   how rows weigh before any fading (event types and values)
     * @param repeatShare how often users come back to an item they had, in {@code data}
     * @param kinds       the kinds of query the model will answer: only those are validated
     */
    static Outcome select(TrainingData data, ConfidenceWeighting weighting, TrainingParameters parameters,
                          ExplicitSettings explicit, double repeatShare, Set<QueryKind> kinds) {
        Function<QueryKind, ScoringChoice> fallback = kind -> fallback(kind, explicit, repeatShare);
        if (data.interactionCount() == 0) {
            return new Outcome(SelectionReport.notValidated("no interactions", parameters.alpha(), fallback), null);
        }
        SettingsSelection latest = fold(data, weighting, parameters, kinds);
        if (latest == null) {
            return new Outcome(SelectionReport.notValidated("more than " + Math.round(100 * VALIDATION_SHARE)
                    + " % of the interactions share the latest TIMESTAMP, so nothing earlier is left to learn from",
                    parameters.alpha(), fallback), null);
        }
        if (latest.sample.length < MIN_USERS) {
            return new Outcome(SelectionReport.notValidated(latest.sample.length + " users have interactions before"
                    + " the latest " + Math.round(100 * VALIDATION_SHARE) + " %, fewer than the " + MIN_USERS
                    + " needed to compare segments of 1 %", parameters.alpha(), fallback), latest.factors);
        }
        String basis = String.format(Locale.ROOT, "validated on the latest %d %% of the interactions (from %s, %s days)"
                        + " with %,d users", Math.round(100 * VALIDATION_SHARE), Instant.ofEpochSecond(latest.cutoff),
                ScoringChoice.number(latest.horizonDays), latest.sample.length);
        List<SettingsSelection> folds = new ArrayList<>(List.of(latest));
        if (data.interactionCount() <= TWO_FOLDS_MAX_INTERACTIONS) {
            SettingsSelection earlier = fold(latest.fit, weighting, parameters, kinds);
            if (earlier != null && earlier.sample.length >= MIN_USERS) {
                folds.add(earlier);
                basis += String.format(Locale.ROOT, ", and on the %d %% before them (from %s, %s days) with %,d users",
                        Math.round(100 * VALIDATION_SHARE), Instant.ofEpochSecond(earlier.cutoff),
                        ScoringChoice.number(earlier.horizonDays), earlier.sample.length);
            }
        }
        long atOnePercent = Math.round(0.01 * latest.sample.length); // as the validation's segment sizes round
        if (atOnePercent < FEW_PEOPLE_AT_1_PERCENT) {
            basis += String.format(Locale.ROOT, " (caution: 1 %% of the latest period's users is %d people, so choices at 1 %% rest on"
                    + " a handful of them and may not carry to the next period)", atOnePercent);
        }
        Map<QueryKind, Chosen> chosen = chooseAll(folds, kinds, explicit, fallback);
        folds.forEach(SettingsSelection::releaseModelShares);
        LatentFactors fitted = latest.factors;
        float alpha = parameters.alpha();
        Trial configured = combined(chosen);
        if (alpha != LOWER_ALPHA && configured != null) {
            // the same search on validation models trained with the lower alpha, on the same periods, users and queries
            TrainingParameters lower = parameters.withAlpha(LOWER_ALPHA);
            List<SettingsSelection> lowerFolds = folds.stream().map(f -> f.withModel(lower)).toList();
            Map<QueryKind, Chosen> lowerChosen = chooseAll(lowerFolds, kinds, explicit, fallback);
            // two scales tuned the same way, neither a safer default: the higher validation objective wins, with no margin
            boolean lowerWins = combined(lowerChosen).objective() > configured.objective();
            if (lowerWins) {
                chosen = lowerChosen;
                fitted = lowerFolds.get(0).factors;
                alpha = LOWER_ALPHA;
            }
            basis += String.format(Locale.ROOT, "; the model's confidence scale alpha %s (%s)", ScoringChoice.number(alpha),
                    lowerWins ? "validated better than " + ScoringChoice.number(parameters.alpha())
                            : ScoringChoice.number(LOWER_ALPHA) + " did not validate better");
        }
        Map<QueryKind, SelectionReport.KindChoice> choices = new LinkedHashMap<>();
        chosen.forEach((kind, c) -> choices.put(kind, c.kindChoice()));
        return new Outcome(new SelectionReport(basis, latest.horizonDays, alpha, choices), fitted);
    }

    private static Map<QueryKind, Chosen> chooseAll(List<SettingsSelection> folds, Set<QueryKind> kinds,
                                                    ExplicitSettings explicit, Function<QueryKind, ScoringChoice> fallback) {
        SettingsSelection latest = folds.get(0);
        Map<QueryKind, Chosen> choices = new LinkedHashMap<>();
        for (QueryKind kind : kinds) {
            List<FoldQueries> kindFolds = folds.stream()
                    .map(f -> new FoldQueries(f, f.queries.getOrDefault(kind, List.of())))
                    .filter(f -> f.queries().size() >= MIN_QUERIES).toList();
            choices.put(kind, kindFolds.isEmpty() || kindFolds.get(0).selection() != latest
                    ? new Chosen(new SelectionReport.KindChoice(fallback.apply(kind),
                    latest.queries.getOrDefault(kind, List.of()).size(), null, Map.of()), null)
                    : choose(kindFolds, explicit, fallback.apply(kind)));
        }
        return choices;
    }

    /** The model's shares of every query, the largest cache (queries x users), are not needed once a search is done. */
    private void releaseModelShares() {
        modelShares.clear();
    }

    /** The validated kinds' winning trials side by side, for one paired comparison; null when no kind was validated. */
    private static Trial combined(Map<QueryKind, Chosen> chosen) {
        double[] perQuery = chosen.values().stream().filter(c -> c.trial() != null)
                .flatMapToDouble(c -> Arrays.stream(c.trial().perQuery())).toArray();
        return perQuery.length == 0 ? null : new Trial(null, null, perQuery);
    }

    /** This fold with a validation model of other parameters (the same periods, users and queries). */
    private SettingsSelection withModel(TrainingParameters other) {
        return new SettingsSelection(this, validationModel(InteractionMatrix.byUser(fit, fitWeights, other.alpha()), other),
                other);
    }

    private static LatentFactors validationModel(InteractionMatrix byUser, TrainingParameters parameters) {
        return ImplicitAlsTrainer.train(byUser,
                parameters.withIterations((int) Math.max(1, Math.ceil(VALIDATION_ITERATIONS * parameters.iterations()))));
    }

    /**
     * The fold that holds out the latest {@link #VALIDATION_SHARE} of {@code data}: the validation
     * model trained on the rest, the queries and their held-out users; null when nothing is earlier.
     */
    private static SettingsSelection fold(TrainingData data, ConfidenceWeighting weighting, TrainingParameters parameters,
                                          Set<QueryKind> kinds) {
        long cutoff = data.timestampAtShare(1 - VALIDATION_SHARE);
        long newest = DecayedHistory.newest(data);
        TrainingData fit = data.select(i -> data.timestamp(i) < cutoff);
        if (fit.interactionCount() == 0) {
            return null;
        }
        float[] fitWeights = weighting.weights(fit);
        InteractionMatrix byUser = InteractionMatrix.byUser(fit, fitWeights, parameters.alpha());
        LatentFactors factors = validationModel(byUser, parameters);
        double horizonDays = Math.max(1.0 / 24, (newest - cutoff) / SECONDS_PER_DAY);
        return new SettingsSelection(fit, data.select(i -> data.timestamp(i) >= cutoff), fitWeights, factors,
                byUser.transpose(), parameters, cutoff, horizonDays, kinds);
    }

    /** A candidate's validation figures, and its objective per query for paired comparisons. */
    private record Trial(ScoringChoice choice, SelectionReport.Figures figures, double[] perQuery) {
        /**
         * Whether this trial beats {@code other} by more than one standard error of the mean paired
         * difference over the queries: on small data the figures are noisy, and a change that the
         * noise could explain is not made.
         */
        boolean clearlyBeats(Trial other) {
            int n = perQuery.length;
            double mean = 0;
            for (int q = 0; q < n; q++) {
                mean += perQuery[q] - other.perQuery[q];
            }
            mean /= n;
            double squares = 0;
            for (int q = 0; q < n; q++) {
                double d = perQuery[q] - other.perQuery[q] - mean;
                squares += d * d;
            }
            double standardError = n > 1 ? Math.sqrt(squares / (n - 1) / n) : 0;
            return mean > 1e-9 && mean > standardError;
        }

        /**
         * This trial with every query's objective lowered by how far its figures at 1 % and 10 % fall
         * below the best rule's at each ({@code floor}), weighed {@link #BEHIND_RULES_WEIGHT}: the engine
         * must not lose to a rule the user can see, and a blend that gains at one size by losing to a
         * rule at the other is not taken.
         */
        Trial behind(SelectionReport.Figures floor) {
            double shortfall = Math.max(0, floor.recallAt1() - figures.recallAt1())
                    + Math.max(0, floor.recallAt10() - figures.recallAt10());
            return new Trial(choice, figures, Arrays.stream(perQuery).map(v -> v - BEHIND_RULES_WEIGHT * shortfall).toArray());
        }

        /** What the search maximises: the mean over the queries of each one's objective. */
        double objective() {
            return Arrays.stream(perQuery).average().orElse(0);
        }
    }

    /**
     * The coordinate-ascent search for one kind, every candidate judged on the queries of every fold
     * (the first is the latest): half-lives are multiples of the latest fold's held-out period.
     */
    private static Chosen choose(List<FoldQueries> folds, ExplicitSettings explicit, ScoringChoice start) {
        SettingsSelection latest = folds.get(0).selection();
        double h = latest.horizonDays;
        OptionalDouble recency = explicit.recencyHalfLifeDays();
        OptionalDouble activity = explicit.activityHalfLifeDays();
        // the rules first: the search is judged against the best of them at each segment size
        Map<String, SelectionReport.Figures> rules = new LinkedHashMap<>();
        List<Trial> ruleTrials = new ArrayList<>();
        for (Map.Entry<String, ScoringChoice> rule : rules(h)) {
            Trial t = judged(rule.getValue(), folds);
            ruleTrials.add(t);
            if (!rules.containsKey(rule.getKey()) || t.figures().objective() > rules.get(rule.getKey()).objective()) {
                rules.put(rule.getKey(), t.figures());
            }
        }
        SelectionReport.Figures floor = new SelectionReport.Figures(
                ruleTrials.stream().mapToDouble(t -> t.figures().recallAt1()).max().orElse(0),
                ruleTrials.stream().mapToDouble(t -> t.figures().recallAt10()).max().orElse(0));
        Map<ScoringChoice, Trial> tried = new HashMap<>(); // each dimension lists the current choice again
        Trial bestRule = null;
        for (Trial rule : ruleTrials) {
            Trial t = tried.computeIfAbsent(rule.choice(), c -> rule.behind(floor));
            if (bestRule == null || t.objective() > bestRule.objective()) {
                bestRule = t;
            }
        }
        Function<ScoringChoice, Trial> trialOf = choice -> tried.computeIfAbsent(choice, c -> judged(c, folds).behind(floor));
        Trial best = ascent(trialOf.apply(start), trialOf, h, explicit);
        boolean halfLivesFree = recency.isEmpty() && activity.isEmpty(); // the rules set half-lives of their own
        if (halfLivesFree && folds.get(0).queries().get(0).kind() == QueryKind.ITEM) {
            // where activity decides most, the good blends lie next to a rule, beyond the balanced start's
            // reach: a second ascent starts from the best rule, and is taken when it ends clearly better
            Trial fromRule = ascent(bestRule, trialOf, h, explicit);
            if (fromRule.clearlyBeats(best)) {
                best = fromRule;
            }
        }
        // a rule that validates at least as well, on the objective the search maximised, is preferred:
        // it is simpler, and it says what it does
        if (halfLivesFree && bestRule.objective() >= best.objective()) {
            best = bestRule;
        }
        return new Chosen(new SelectionReport.KindChoice(best.choice(), folds.stream().mapToInt(f -> f.queries().size()).sum(),
                best.figures(), rules), best);
    }

    /** Coordinate ascent from {@code best}: each dimension's candidates in turn, a move only to one that clearly beats. */
    private static Trial ascent(Trial best, Function<ScoringChoice, Trial> trialOf, double h, ExplicitSettings explicit) {
        for (int round = 0; round < ROUNDS; round++) {
            for (Function<ScoringChoice, List<ScoringChoice>> dimension : dimensions(h, explicit)) {
                ScoringChoice from = best.choice();
                for (ScoringChoice candidate : dimension.apply(from)) {
                    Trial t = trialOf.apply(candidate);
                    if (t.clearlyBeats(best)) {
                        best = t;
                    }
                }
            }
        }
        return best;
    }

    /** A candidate judged on every fold: the queries' objectives side by side, the figures their mean. */
    private static Trial judged(ScoringChoice choice, List<FoldQueries> folds) {
        List<Trial> parts = folds.stream().map(f -> f.selection().trial(choice, f.queries())).toList();
        double[] perQuery = parts.stream().flatMapToDouble(t -> Arrays.stream(t.perQuery())).toArray();
        double at1 = 0;
        double at10 = 0;
        for (Trial part : parts) {
            at1 += part.figures().recallAt1() * part.perQuery().length / perQuery.length;
            at10 += part.figures().recallAt10() * part.perQuery().length / perQuery.length;
        }
        return new Trial(choice, new SelectionReport.Figures(at1, at10), perQuery);
    }

    /** Where the search starts, and what stays when it cannot run: the balanced fallback with the explicit settings. */
    private static ScoringChoice fallback(QueryKind kind, ExplicitSettings explicit, double repeatShare) {
        return ScoringChoice.fallback(kind, repeatShare).withActivityHalfLifeDays(explicit.activityHalfLifeDays().orElse(0))
                .withHistoryHalfLifeDays(explicit.recencyHalfLifeDays().orElse(0))
                .withTasteHalfLifeDays(explicit.recencyHalfLifeDays().orElse(0));
    }

    /** Each dimension of the search: the candidates that differ from {@code c} in that setting only. */
    private static List<Function<ScoringChoice, List<ScoringChoice>>> dimensions(double h, ExplicitSettings explicit) {
        List<Function<ScoringChoice, List<ScoringChoice>>> dimensions = new ArrayList<>();
        dimensions.add(c -> {
            List<ScoringChoice> mixes = new ArrayList<>();
            for (double model : MIX_STEPS) {
                for (double history : MIX_STEPS) {
                    if (model + history <= 1 + 1e-9) {
                        mixes.add(c.withMix(model, history));
                    }
                }
            }
            return mixes;
        });
        dimensions.add(c -> Arrays.stream(EXPONENTS).mapToObj(c::withActivityExponent).toList());
        if (explicit.activityHalfLifeDays().isEmpty()) {
            dimensions.add(c -> {
                List<ScoringChoice> activities = new ArrayList<>(Arrays.stream(ACTIVITY_HALF_LIVES)
                        .mapToObj(m -> c.withActivityHalfLifeDays(m * h)).toList());
                activities.add(c.withActivityLearnt());
                return activities;
            });
        }
        if (explicit.recencyHalfLifeDays().isEmpty()) {
            dimensions.add(c -> Arrays.stream(HISTORY_HALF_LIVES).mapToObj(m -> c.withHistoryHalfLifeDays(m * h)).toList());
            dimensions.add(c -> Arrays.stream(TASTE_HALF_LIVES).mapToObj(m -> c.withTasteHalfLifeDays(m * h)).toList());
        }
        return dimensions;
    }

    /** The simple rules as points of the same family, so that they compete on the same figures. */
    private static List<Map.Entry<String, ScoringChoice>> rules(double h) {
        List<Map.Entry<String, ScoringChoice>> rules = new ArrayList<>();
        ScoringChoice activityOnly = new ScoringChoice(0, 0, 1, 1, 0, 0, 0, false);
        ScoringChoice historyOnly = new ScoringChoice(0, 1, 0, 1, 0, 0, 0, false);
        rules.add(Map.entry("most active", activityOnly));
        rules.add(Map.entry("last active",
                activityOnly.withActivityHalfLifeDays(h * ACTIVITY_HALF_LIVES[ACTIVITY_HALF_LIVES.length - 1])));
        rules.add(Map.entry("history", historyOnly));
        for (double m : HISTORY_HALF_LIVES) {
            if (m > 0) {
                rules.add(Map.entry("recent history", historyOnly.withActivityHalfLifeDays(m * h).withHistoryHalfLifeDays(m * h)));
            }
        }
        return rules;
    }

    private Trial trial(ScoringChoice choice, List<ValidationQuery> kindQueries) {
        float[] activity = activityFactors(choice);
        float[][] model = choice.usesModel() ? modelShares(choice.tasteHalfLifeDays()) : null;
        List<SparseShares> history = choice.historyWeight() > 0 ? historyShares(choice.historyHalfLifeDays()) : null;
        double[] shares = kindQueries.get(0).kind() == QueryKind.ITEM ? ITEM_SHARES : ATTRIBUTE_SHARES;
        int[] sizes = Arrays.stream(shares).mapToInt(f -> Math.max(1, (int) Math.round(f * sample.length))).toArray();
        double[][] recalls = new double[kindQueries.size()][];
        // queries in parallel, each into its own slot: the sums below stay in query order, so the result does not depend on threads
        IntStream.range(0, kindQueries.size()).parallel().forEach(q -> {
            ValidationQuery query = kindQueries.get(q);
            ValidationRanking ranking = rankings.get();
            float[] scores = ranking.scores();
            float[] m = model == null ? null : model[query.index()];
            for (int p = 0; p < sample.length; p++) {
                scores[p] = (float) (activity[p] * choice.sharedPart(m == null ? 0 : m[p], query.popularity()));
            }
            if (history != null) {
                SparseShares part = history.get(query.index());
                for (int s = 0; s < part.positions().length; s++) {
                    int p = part.positions()[s];
                    scores[p] += (float) (activity[p] * choice.historyWeight() * part.shares()[s]);
                }
            }
            recalls[q] = ranking.recalls(query.positives(), sizes);
        });
        int at1 = indexOf(shares, 0.01);
        int at10 = indexOf(shares, 0.1);
        double sum1 = 0;
        double sum10 = 0;
        double[] perQuery = new double[kindQueries.size()];
        for (int q = 0; q < perQuery.length; q++) {
            perQuery[q] = Arrays.stream(recalls[q]).average().orElse(0);
            sum10 += recalls[q][at10];
            sum1 += recalls[q][at1];
        }
        return new Trial(choice, new SelectionReport.Figures(sum1 / perQuery.length, sum10 / perQuery.length), perQuery);
    }

    private static int indexOf(double[] shares, double share) {
        int i = 0;
        while (shares[i] != share) {
            i++;
        }
        return i;
    }

    private float[] activityFactors(ScoringChoice choice) {
        String key = choice.activityLearnt() + "|" + choice.activityHalfLifeDays() + "|" + choice.activityExponent();
        return activityFactors.computeIfAbsent(key, unused -> {
            UserActivity activity = choice.activityLearnt() ? learntActivity() : history(choice.activityHalfLifeDays()).activity();
            double max = Double.NEGATIVE_INFINITY;
            for (int user : sample) {
                max = Math.max(max, activity.logActivity(user));
            }
            float[] factors = new float[sample.length];
            for (int p = 0; p < sample.length; p++) {
                factors[p] = choice.activityFactor(activity.logActivity(sample[p]) - max);
            }
            return factors;
        });
    }

    private UserActivity learntActivity() {
        if (learntActivity[0] == null) {
            learntActivity[0] = LearntActivity.of(fit, fitWeights);
        }
        return learntActivity[0];
    }

    private DecayedHistory history(double halfLifeDays) {
        return histories.computeIfAbsent(halfLifeDays, h -> DecayedHistory.of(fit, fitWeights, h));
    }

    private float[][] modelShares(double tasteHalfLifeDays) {
        return modelShares.computeIfAbsent(tasteHalfLifeDays, h -> {
            FactorMatrix tastes = Tastes.shares(fit, fitWeights, factors, h, parameters);
            int k = tastes.dimension();
            float[][] shares = new float[queries.values().stream().mapToInt(List::size).sum()][];
            for (List<ValidationQuery> list : queries.values()) {
                for (ValidationQuery query : list) {
                    float[] target = new float[k];
                    for (int item : query.items()) {
                        VectorMath.axpy(1f, factors.items().row(item), target, k);
                    }
                    float[] s = new float[sample.length];
                    for (int p = 0; p < sample.length; p++) {
                        s[p] = VectorMath.dot(tastes.row(sample[p]), target, k);
                    }
                    for (int item : query.kind() == QueryKind.ITEM ? query.items() : new int[0]) { // as KindScorer counts them
                        for (int e = seenByItem.rowStart(item); e < seenByItem.rowEnd(item); e++) {
                            int p = position[seenByItem.column(e)];
                            if (p >= 0) {
                                s[p] -= VectorMath.dot(tastes.row(sample[p]), factors.items().row(item), k);
                            }
                        }
                    }
                    shares[query.index()] = s;
                }
            }
            return shares;
        });
    }

    private List<SparseShares> historyShares(double halfLifeDays) {
        return historyShares.computeIfAbsent(halfLifeDays, h -> {
            DecayedHistory history = history(h);
            List<SparseShares> all = new ArrayList<>();
            queries.values().stream().flatMap(List::stream)
                    .sorted((a, b) -> Integer.compare(a.index(), b.index()))
                    .forEach(query -> {
                        float[] byPosition = new float[sample.length];
                        history.forEachShare(query.items(), (user, share) -> {
                            if (position[user] >= 0) {
                                byPosition[position[user]] += share;
                            }
                        });
                        int count = 0;
                        for (float s : byPosition) {
                            count += s > 0 ? 1 : 0;
                        }
                        int[] positions = new int[count];
                        float[] shares = new float[count];
                        for (int p = 0, c = 0; p < sample.length; p++) {
                            if (byPosition[p] > 0) {
                                positions[c] = p;
                                shares[c++] = byPosition[p];
                            }
                        }
                        all.add(new SparseShares(positions, shares));
                    });
            return all;
        });
    }

    /** Users with weighted training rows, every n-th of them when there are more than {@link #MAX_USERS}. */
    private static int[] sampleUsers(TrainingData fit, float[] weights) {
        boolean[] known = new boolean[fit.userCount()];
        int count = 0;
        for (int i = 0; i < fit.interactionCount(); i++) {
            if (weights[i] > 0 && !known[fit.user(i)]) {
                known[fit.user(i)] = true;
                count++;
            }
        }
        double step = Math.max(1, (double) count / MAX_USERS);
        int[] sample = new int[(int) Math.min(count, MAX_USERS)];
        int taken = 0;
        int seen = 0;
        for (int u = 0; u < known.length && taken < sample.length; u++) {
            if (known[u]) {
                if (seen >= taken * step) {
                    sample[taken++] = u;
                }
                seen++;
            }
        }
        return Arrays.copyOf(sample, taken);
    }

    /** Each item's share of all weighted interactions. */
    static float[] itemPopularity(TrainingData data, float[] weights) {
        double[] sums = new double[data.itemCount()];
        double total = 0;
        for (int i = 0; i < data.interactionCount(); i++) {
            sums[data.item(i)] += weights[i];
            total += weights[i];
        }
        float[] shares = new float[sums.length];
        for (int item = 0; item < shares.length; item++) {
            shares[item] = total > 0 ? (float) (sums[item] / total) : 0;
        }
        return shares;
    }
}
