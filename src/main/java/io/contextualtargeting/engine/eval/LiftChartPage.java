package io.contextualtargeting.engine.eval;

import io.contextualtargeting.formats.query.QueryKind;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes an evaluation as a self-contained HTML page for marketers: per query kind, a chart of
 * recall against segment size for every method (inline SVG, no external resources), a sentence
 * saying what it shows, a small table, and per-query figures folded away.
 */
public final class LiftChartPage {
    private static final String[] COLOURS = {"#d6336c", "#1c7ed6", "#37b24d", "#f59f00", "#7048e8", "#495057"};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 340;
    private static final int LEFT = 56;
    private static final int RIGHT = 170;
    private static final int TOP = 16;
    private static final int BOTTOM = 48;

    private LiftChartPage() {
    }

    public static void write(Evaluation evaluation, Writer out) throws IOException {
        SplitSummary split = evaluation.split();
        int one = evaluation.shareIndex(0.01);
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Segment quality: the engine against simple rules</title><style>"
                + "body{font-family:system-ui,sans-serif;max-width:820px;margin:2em auto;padding:0 1em;color:#212529}"
                + "table{border-collapse:collapse;margin:1em 0}td,th{padding:.25em .8em;border-bottom:1px solid #dee2e6;"
                + "text-align:right}td:first-child,th:first-child{text-align:left}svg text{font-size:12px}"
                + "</style></head><body>\n<h1>Segment quality: the engine against simple rules</h1>\n");
        html.append(String.format(Locale.ROOT, "<p>Every method was trained on the %,d interactions before %s and its"
                        + " segments were checked against what users did afterwards (%,d interactions). A user who"
                        + " interacted afterwards with the segment's item (or with an item having the segment's"
                        + " attributes) is a <em>hit</em>. Segment sizes are shares of the %,d users seen before"
                        + " %s: 1 %% is %,d users.</p>\n",
                split.trainingInteractions(), date(split.cutoff()), split.heldOutInteractions(), split.knownUsers(),
                date(split.cutoff()), evaluation.segmentSizes()[one]));
        html.append("<p><strong>Recall</strong> is the share of the segment filled with hits, out of what could be"
                + " filled: when fewer users interacted than the segment holds, it is the share of them the segment"
                + " caught. <strong>Lift</strong> compares a segment with users picked at random: a lift of 5x means"
                + " the segment holds five times as many users who went on to interact as a random segment of the"
                + " same size would. A lift of 1x is no better than chance.</p>\n");
        for (QueryKind kind : QueryKind.values()) {
            List<MethodResult> results = evaluation.results(kind);
            if (!results.isEmpty()) {
                section(evaluation, kind, results, html);
            }
        }
        html.append("</body></html>\n");
        out.write(html.toString());
    }

    private static void section(Evaluation evaluation, QueryKind kind, List<MethodResult> results, StringBuilder html) {
        int one = evaluation.shareIndex(0.01);
        int ten = evaluation.shareIndex(0.10);
        MethodResult random = results.get(results.size() - 1);
        MethodResult first = results.get(0);
        MethodResult bestAtOne = bestRule(results, one);
        MethodResult bestAtTen = bestRule(results, ten);
        html.append("<h2>").append(capitalised(kind.label())).append(String.format(Locale.ROOT,
                " (%d evaluated, %d skipped)</h2>\n", evaluation.outcomes(kind).size(), evaluation.skipped(kind).size()));
        html.append(String.format(Locale.ROOT, "<p>The chart shows, for segments from 0.5 %% to 20 %% of users, how"
                        + " much of the segment each method fills with users who went on to interact. At 1 %% of"
                        + " users, the %s's segments hold %.1fx as many of them as random segments, against %.1fx for"
                        + " the best simple rule (%s); at 10 %%, %.1fx against %.1fx (%s).</p>\n",
                first.method(), Evaluation.lift(first, random, one), Evaluation.lift(bestAtOne, random, one),
                escape(bestAtOne.method()), Evaluation.lift(first, random, ten), Evaluation.lift(bestAtTen, random, ten),
                escape(bestAtTen.method())));
        chart(evaluation, results, html);
        html.append("<table><tr><th>method</th><th>recall at 1 %</th><th>lift at 1 %</th><th>recall at 10 %</th>"
                + "<th>lift at 10 %</th></tr>\n");
        for (MethodResult result : results) {
            html.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.3f</td><td>%.1fx</td><td>%.3f</td>"
                            + "<td>%.1fx</td></tr>\n", escape(result.method()), result.recall()[one],
                    Evaluation.lift(result, random, one), result.recall()[ten], Evaluation.lift(result, random, ten)));
        }
        html.append("</table>\n<details><summary>Each query: users who interacted afterwards, and hits at 1 %</summary>"
                + "<table><tr><th>query</th><th>users</th>");
        for (String method : evaluation.methods()) {
            html.append("<th>").append(escape(method)).append("</th>");
        }
        html.append("</tr>\n");
        for (QueryOutcome outcome : evaluation.outcomes(kind)) {
            html.append("<tr><td>").append(escape(outcome.query().value())).append("</td><td>")
                    .append(outcome.positives()).append("</td>");
            for (int[] hits : outcome.hits()) {
                html.append("<td>").append(hits[one]).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table></details>\n");
    }

    /** The best of the methods between the first (the one judged) and random (the last), at one share. */
    private static MethodResult bestRule(List<MethodResult> results, int share) {
        return results.subList(1, results.size() - 1).stream()
                .max((a, b) -> Double.compare(a.recall()[share], b.recall()[share]))
                .orElse(results.get(results.size() - 1));
    }

    /** Recall (0 to 1) against segment size (0 to the largest share), one line per method, random dashed. */
    private static void chart(Evaluation evaluation, List<MethodResult> results, StringBuilder svg) {
        double maxShare = evaluation.shares()[evaluation.shares().length - 1];
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"recall against segment size\">\n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        for (int tick = 0; tick <= 4; tick++) {
            double y = TOP + plotHeight * (1 - tick / 4.0);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e9ecef\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.2f</text>\n",
                    LEFT, y, LEFT + plotWidth, y, LEFT - 6, y + 4, tick / 4.0));
        }
        for (int tick = 0; tick <= 4; tick++) {
            double share = maxShare * tick / 4;
            double x = LEFT + plotWidth * share / maxShare;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s %%</text>\n",
                    x, TOP + plotHeight + 18, trim(share * 100)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">segment size (share of users)</text>"
                        + "<text x=\"14\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">recall</text>\n",
                LEFT + plotWidth / 2, HEIGHT - 8, TOP + plotHeight / 2, TOP + plotHeight / 2));
        for (int m = 0; m < results.size(); m++) {
            boolean random = m == results.size() - 1;
            String colour = random ? "#adb5bd" : COLOURS[m % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (int f = 0; f < evaluation.shares().length; f++) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", LEFT + plotWidth * evaluation.shares()[f] / maxShare,
                        TOP + plotHeight * (1 - results.get(m).recall()[f])));
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%s\"%s points=\"%s\"/>\n",
                    colour, m == 0 ? "3" : "2", random ? " stroke-dasharray=\"6 4\"" : "", points.toString().trim()));
            int legendY = TOP + 14 + 20 * m;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"%s/>"
                            + "<text x=\"%d\" y=\"%d\">%s</text>\n", WIDTH - RIGHT + 16, legendY, WIDTH - RIGHT + 40, legendY,
                    colour, random ? " stroke-dasharray=\"6 4\"" : "", WIDTH - RIGHT + 46, legendY + 4,
                    escape(results.get(m).method())));
        }
        svg.append("</svg>\n");
    }

    private static String date(long epochSecond) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
                .format(Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.UTC));
    }

    private static String trim(double value) {
        return BigDecimal.valueOf(Math.round(value * 10) / 10.0).stripTrailingZeros().toPlainString();
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
