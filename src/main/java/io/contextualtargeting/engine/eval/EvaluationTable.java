package io.contextualtargeting.engine.eval;

import io.contextualtargeting.formats.query.QueryKind;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Prints an evaluation as plain-text tables: one per query kind, and per-query lines when asked. */
public final class EvaluationTable {

    private EvaluationTable() {
    }

    public static void print(Evaluation evaluation, boolean perQuery, PrintStream out) {
        SplitSummary split = evaluation.split();
        int one = evaluation.shareIndex(0.01);
        int ten = evaluation.shareIndex(0.10);
        out.printf(Locale.ROOT, "hold-out by time: trained on %,d interactions before %s, tested on the %,d after;"
                        + " %,d of %,d users have training interactions: 1 %% of them = %,d users, 10 %% = %,d%n",
                split.trainingInteractions(), Instant.ofEpochSecond(split.cutoff()), split.heldOutInteractions(),
                split.knownUsers(), split.users(), evaluation.segmentSizes()[one], evaluation.segmentSizes()[ten]);
        for (QueryKind kind : QueryKind.values()) {
            List<MethodResult> results = evaluation.results(kind);
            int skipped = evaluation.skipped(kind).size();
            if (results.isEmpty() && skipped == 0) {
                continue;
            }
            out.printf(Locale.ROOT, "%n%s: %d evaluated, %d skipped%n", kind.label(), evaluation.outcomes(kind).size(), skipped);
            if (!results.isEmpty()) {
                MethodResult random = results.get(results.size() - 1);
                out.printf(Locale.ROOT, "  %-16s %10s %9s %11s %10s %9s %10s %11s%n", "method", "recall@1%", "hits@1%",
                        "recall@10%", "hits@10%", "lift@1%", "lift@10%", "overlap@10%");
                for (MethodResult result : results) {
                    out.printf(Locale.ROOT, "  %-16s %10.3f %9.1f %11.3f %10.1f %8.1fx %9.1fx %11s%n", result.method(),
                            result.recall()[one], result.hits()[one], result.recall()[ten], result.hits()[ten],
                            Evaluation.lift(result, random, one), Evaluation.lift(result, random, ten),
                            Double.isNaN(result.overlap()) ? "-" : String.format(Locale.ROOT, "%.2f", result.overlap()));
                }
                out.printf(Locale.ROOT, "  (overlap@10%%: the mean share of users two queries' segments have in common)%n");
                if (evaluation.methods().contains(StandardMethods.ENGINE)) {
                    printEngineAgainstBest(evaluation, kind, out);
                }
            }
            if (perQuery) {
                printQueries(evaluation, kind, one, out);
            }
        }
    }

    /**
     * The engine's recall minus the best other method's at 1 % and 10 %, with the standard error of that
     * difference over the queries: whether a lead or a gap is more than the queries' luck.
     */
    private static void printEngineAgainstBest(Evaluation evaluation, QueryKind kind, PrintStream out) {
        StringBuilder line = new StringBuilder("  engine minus the best other method:");
        String separator = " ";
        for (TargetCheck.Standing s : TargetCheck.of(evaluation).standings()) {
            if (s.kind() == kind) {
                line.append(separator).append(String.format(Locale.ROOT, "@%s %+.3f (%s%s)", s.share(), s.engine() - s.best(),
                        s.baseline(), Double.isNaN(s.standardError()) ? ""
                                : String.format(Locale.ROOT, ", standard error %.3f", s.standardError())));
                separator = ", ";
            }
        }
        out.println(line);
    }

    private static void printQueries(Evaluation evaluation, QueryKind kind, int one, PrintStream out) {
        out.printf(Locale.ROOT, "  per query: positives, then recall@1%% (hits) of %s%n", String.join(", ", evaluation.methods()));
        for (QueryOutcome outcome : evaluation.outcomes(kind)) {
            StringBuilder line = new StringBuilder();
            for (int m = 0; m < evaluation.methods().size(); m++) {
                line.append(String.format(Locale.ROOT, "  %.3f (%d)", evaluation.recall(outcome, m, one),
                        outcome.hits().get(m)[one]));
            }
            out.printf(Locale.ROOT, "    %-50s %7d%s%n", outcome.query().value(), outcome.positives(), line);
        }
        for (SkippedQuery skipped : evaluation.skipped(kind)) {
            out.printf(Locale.ROOT, "    %-50s skipped: %s%n", skipped.query().value(), skipped.reason());
        }
    }
}
