package io.contextualtargeting.engine.segment;

import io.contextualtargeting.formats.query.QueryKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Why the engine ranks users as it does: the validation it ran on the training data (the latest
 * interactions held out) and, per query kind, the choice it made with its figures next to those of
 * the simple rules it competed with. {@code segment} prints it and writes it as JSON.
 *
 * @param basis       what was held out, in words; says why nothing was validated when that is the case
 * @param horizonDays the length of the held-out period, the unit of the half-lives tried (0 when not validated)
 * @param alpha       the factor model's confidence scale (1 + alpha x weight), chosen or as configured
 * @param choices     per query kind, what was chosen
 */
public record SelectionReport(String basis, double horizonDays, float alpha, Map<QueryKind, KindChoice> choices) {

    /** Validation recall of one way of ranking at 1 % and 10 % of the users. */
    public record Figures(double recallAt1, double recallAt10) {
        double objective() {
            return (recallAt1 + recallAt10) / 2;
        }
    }

    /**
     * @param queries how many validation queries were scored (0 when not validated)
     * @param rules   the simple rules' validation figures, by name
     */
    public record KindChoice(ScoringChoice choice, int queries, Figures figures, Map<String, Figures> rules) {
    }

    /** A report without validation: every kind uses its fallback, and {@code reason} says why. */
    static SelectionReport notValidated(String reason, float alpha, Function<QueryKind, ScoringChoice> fallback) {
        Map<QueryKind, KindChoice> choices = new LinkedHashMap<>();
        for (QueryKind kind : QueryKind.values()) {
            choices.put(kind, new KindChoice(fallback.apply(kind), 0, null, Map.of()));
        }
        return new SelectionReport("not validated: " + reason, 0, alpha, choices);
    }

    public ScoringChoice choice(QueryKind kind) {
        KindChoice choice = choices.get(kind);
        if (choice == null) {
            throw new IllegalStateException("this model was trained for " + choices.keySet() + " queries only, not " + kind);
        }
        return choice.choice();
    }

    /** Lines for a console: the basis, then per kind the choice and how it compared. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("settings chosen from the data, " + basis);
        choices.forEach((kind, c) -> {
            lines.add(String.format(Locale.ROOT, "  %s: %s", kind.label(), c.choice().describe()));
            if (c.figures() == null) {
                lines.add(String.format(Locale.ROOT, "    not chosen by validation: %d validation queries (at least %d needed)",
                        c.queries(), SettingsSelection.MIN_QUERIES));
            } else {
                StringBuilder rules = new StringBuilder();
                c.rules().forEach((name, f) -> rules.append(String.format(Locale.ROOT, "; %s %.3f / %.3f",
                        name, f.recallAt1(), f.recallAt10())));
                lines.add(String.format(Locale.ROOT, "    validation recall@1%% / @10%% over %d queries: chosen %.3f / %.3f%s",
                        c.queries(), c.figures().recallAt1(), c.figures().recallAt10(), rules));
            }
        });
        return lines;
    }

    /** The report as one JSON object. */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\"basis\":").append(quoted(basis))
                .append(",\"horizonDays\":").append(number(horizonDays)).append(",\"alpha\":").append(number(alpha))
                .append(",\"choices\":{");
        String separator = "";
        for (Map.Entry<QueryKind, KindChoice> entry : choices.entrySet()) {
            KindChoice c = entry.getValue();
            ScoringChoice s = c.choice();
            json.append(separator).append(quoted(entry.getKey().name().toLowerCase(Locale.ROOT))).append(":{")
                    .append("\"description\":").append(quoted(s.describe()))
                    .append(String.format(Locale.ROOT, ",\"modelWeight\":%s,\"historyWeight\":%s,\"popularityWeight\":%s,"
                                    + "\"activityExponent\":%s,\"activityHalfLifeDays\":%s,\"historyHalfLifeDays\":%s,"
                                    + "\"tasteHalfLifeDays\":%s,\"activityLearnt\":%s,\"validationQueries\":%d",
                            number(s.modelWeight()), number(s.historyWeight()), number(s.popularityWeight()),
                            number(s.activityExponent()), number(s.activityHalfLifeDays()), number(s.historyHalfLifeDays()),
                            number(s.tasteHalfLifeDays()), s.activityLearnt(), c.queries()));
            if (c.figures() != null) {
                json.append(",\"validation\":").append(figures(c.figures())).append(",\"rules\":{");
                String ruleSeparator = "";
                for (Map.Entry<String, Figures> rule : c.rules().entrySet()) {
                    json.append(ruleSeparator).append(quoted(rule.getKey())).append(':').append(figures(rule.getValue()));
                    ruleSeparator = ",";
                }
                json.append('}');
            }
            json.append('}');
            separator = ",";
        }
        return json.append("}}").toString();
    }

    private static String figures(Figures f) {
        return String.format(Locale.ROOT, "{\"recallAt1Percent\":%s,\"recallAt10Percent\":%s}", number(f.recallAt1()),
                number(f.recallAt10()));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value).replaceAll("\\.?0+$", "").replaceAll("\\.?0+e", "e");
    }

    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
