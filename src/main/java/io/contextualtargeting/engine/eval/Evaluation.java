package io.contextualtargeting.engine.eval;

import io.contextualtargeting.formats.query.QueryKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of a hold-out evaluation: per query, each method's hits at each segment size, and the
 * averages reports show. Recall is hits / min(positives, segment size), as Personalize defines it;
 * a random segment's expected recall is computed exactly rather than sampled.
 */
public record Evaluation(SplitSummary split, double[] shares, int[] segmentSizes, List<String> methods,
                         List<QueryOutcome> outcomes, List<SkippedQuery> skipped) {
    /** The name of the expected-value random baseline in {@link #results}. */
    public static final String RANDOM = "random";
    /** The segment size, as a share of the users, at which segments of different queries are compared. */
    public static final double OVERLAP_SHARE = 0.10;

    public Evaluation {
        methods = List.copyOf(methods);
        outcomes = List.copyOf(outcomes);
        skipped = List.copyOf(skipped);
    }

    /** The index of {@code share} in {@link #shares()}. */
    public int shareIndex(double share) {
        for (int f = 0; f < shares.length; f++) {
            if (shares[f] == share) {
                return f;
            }
        }
        throw new IllegalArgumentException("segment share " + share + " was not evaluated");
    }

    /** A segment share as people write it: "0.5%", "1%", "7.5%". */
    public String shareLabel(int share) {
        return BigDecimal.valueOf(shares[share]).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    public double recall(QueryOutcome outcome, int method, int share) {
        return (double) outcome.hits().get(method)[share] / Math.min(outcome.positives(), segmentSizes[share]);
    }

    /** The expected recall of a segment of users drawn at random. */
    public double randomRecall(QueryOutcome outcome, int share) {
        return randomHits(outcome, share) / Math.min(outcome.positives(), segmentSizes[share]);
    }

    public double randomHits(QueryOutcome outcome, int share) {
        return (double) outcome.positives() * segmentSizes[share] / split.knownUsers();
    }

    public List<QueryOutcome> outcomes(QueryKind kind) {
        return outcomes.stream().filter(o -> o.kind() == kind).toList();
    }

    public List<SkippedQuery> skipped(QueryKind kind) {
        return skipped.stream().filter(s -> s.kind() == kind).toList();
    }

    /** Each method's averages over the queries of {@code kind}, then random's; empty when none was evaluated. */
    public List<MethodResult> results(QueryKind kind) {
        List<QueryOutcome> evaluated = outcomes(kind);
        List<MethodResult> results = new ArrayList<>();
        if (evaluated.isEmpty()) {
            return results;
        }
        for (int m = 0; m <= methods.size(); m++) {
            double[] recall = new double[shares.length];
            double[] hits = new double[shares.length];
            for (QueryOutcome outcome : evaluated) {
                for (int f = 0; f < shares.length; f++) {
                    boolean random = m == methods.size();
                    recall[f] += random ? randomRecall(outcome, f) : recall(outcome, m, f);
                    hits[f] += random ? randomHits(outcome, f) : outcome.hits().get(m)[f];
                }
            }
            for (int f = 0; f < shares.length; f++) {
                recall[f] /= evaluated.size();
                hits[f] /= evaluated.size();
            }
            boolean random = m == methods.size();
            double overlap = evaluated.size() < 2 ? Double.NaN
                    : random ? (double) segmentSizes[shareIndex(OVERLAP_SHARE)] / split.knownUsers() : overlap(evaluated, m);
            results.add(new MethodResult(random ? RANDOM : methods.get(m), recall, hits, overlap));
        }
        return results;
    }

    /** The mean, over pairs of queries, of the share of method m's users their segments have in common. */
    private static double overlap(List<QueryOutcome> evaluated, int m) {
        double sum = 0;
        long pairs = 0;
        for (int a = 0; a < evaluated.size(); a++) {
            int[] first = evaluated.get(a).segments().get(m);
            for (int b = a + 1; b < evaluated.size(); b++) {
                int[] second = evaluated.get(b).segments().get(m);
                int common = 0;
                for (int i = 0, j = 0; i < first.length && j < second.length; ) {
                    if (first[i] < second[j]) {
                        i++;
                    } else if (first[i] > second[j]) {
                        j++;
                    } else {
                        common++;
                        i++;
                        j++;
                    }
                }
                sum += (double) common / Math.max(1, Math.min(first.length, second.length));
                pairs++;
            }
        }
        return sum / pairs;
    }

    /** Recall over random's at the same share: how many times better than a segment picked at random. */
    public static double lift(MethodResult result, MethodResult random, int share) {
        return result.recall()[share] / random.recall()[share];
    }
}
