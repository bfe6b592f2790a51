package org.redress.app.desk;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.redress.app.store.ReportCounts;
import org.redress.app.store.Satisfaction;
import org.redress.app.store.Remedies;
import org.redress.core.complaint.Category;
import org.redress.core.remedy.Money;
import org.redress.core.remedy.Remedy;
import org.redress.core.report.Rate;
import org.redress.core.report.Reports;
import org.redress.core.sla.SlaMetric;

/**
 * What supervisors read over the complaints received since a date, counted by the database ({@link ReportCounts}, with
 * core's {@link Reports} definitions): weak areas per category and month with their trend, SLA compliance per metric,
 * promises kept per agent, reopen and first-contact-resolution rates, and compensation granted per category.
 */
public final class DeskReports {

    /** One report, each part as rows of label and figures, ready for a table, CSV or JSON. */
    public record Report(Instant since, Instant until, long complaints, List<Row> weakAreas, List<Row> sla, List<Row> promises,
                         List<Row> rates, List<Row> compensation) {
    }

    /** One row: what it is about, and its figures by name. */
    public record Row(String label, Map<String, Object> figures) {
    }

    private final ReportCounts counts;
    private final org.redress.core.sla.SlaPolicy sla;
    private final Remedies remedies;
    private final Satisfaction satisfaction;
    private final ZoneId zone;
    private final Clock clock;

    public DeskReports(ReportCounts counts, org.redress.core.sla.SlaPolicy sla, Remedies remedies, Satisfaction satisfaction, ZoneId zone,
                       Clock clock) {
        this.clock = clock;
        this.sla = sla;
        this.counts = counts;
        this.remedies = remedies;
        this.satisfaction = satisfaction;
        this.zone = zone;
    }

    public Report since(Instant since) {
        Instant now = clock.instant();
        // aggregate queries: a few hundred rows of counts, however many complaints the period holds
        List<Row> weak = new ArrayList<>();
        ReportCounts.Counts counted = counts.count(since, zone, now, this.sla);
        Reports.WeakAreas areas = counted.weakAreas();
        for (Map.Entry<Category, SortedMap<YearMonth, Long>> e : areas.byCategory().entrySet()) {
            for (Map.Entry<YearMonth, Long> m : e.getValue().entrySet()) {
                weak.add(new Row(e.getKey().code(), figures("month", m.getKey().toString(), "complaints", m.getValue())));
            }
        }
        for (Reports.Trend t : areas.trends()) {
            weak.add(new Row(t.category().code(), figures("month", t.month().toString() + " trend", "complaints", t.change(),
                    "partial", t.partial())));
        }
        List<Row> sla = new ArrayList<>();
        for (Map.Entry<SlaMetric, Rate> e : counted.sla().entrySet()) {
            sla.add(rate(e.getKey().name().toLowerCase().replace('_', ' '), e.getValue()));
        }
        List<Row> kept = new ArrayList<>();
        for (Map.Entry<String, Rate> e : counts.promiseKeeping(since).entrySet()) {
            kept.add(rate(e.getKey(), e.getValue()));
        }
        ReportCounts.Closing closing = counted.closing();
        List<Row> rates = List.of(rate("reopened", closing.reopened()),
                rate("resolved at first contact", closing.firstContact()),
                rate("satisfied (4 or 5 of 5)", satisfaction.rate()));
        List<Remedy> granted = remedies.grantedSince(since);
        List<Row> money = new ArrayList<>();
        for (Map.Entry<Category, Money> e : Reports.compensationByCategory(granted).entrySet()) {
            money.add(new Row(e.getKey().code(), figures("amount", e.getValue().amount().stripTrailingZeros().toPlainString(),
                    "currency", e.getValue().currency())));
        }
        return new Report(since, now, counted.received(), weak, sla, kept, rates, money);
    }

    /** The parts of a report by name, in the order people read them (the CLI's table and JSON, and the CSV). */
    public static Map<String, List<Row>> parts(Report r) {
        Map<String, List<Row>> parts = new LinkedHashMap<>();
        parts.put("weak areas", r.weakAreas());
        parts.put("sla", r.sla());
        parts.put("promises kept", r.promises());
        parts.put("rates", r.rates());
        parts.put("compensation", r.compensation());
        return parts;
    }

    /**
     * A report as CSV (RFC 4180), a row per figure: report, label, figure, value. A cell a spreadsheet would run as a
     * formula (=, +, -, @ first, and not a number) is written with an apostrophe first, so a category or an agent's name
     * cannot become one.
     */
    public static String csv(Report r) {
        StringBuilder out = new StringBuilder("report,label,figure,value\r\n");
        parts(r).forEach((name, rows) -> rows.forEach(row -> row.figures().forEach((k, v) -> out.append(cell(name)).append(',')
                .append(cell(row.label())).append(',').append(cell(k)).append(',').append(cell(String.valueOf(v))).append("\r\n"))));
        return out.toString();
    }

    static String cell(String s) {
        String text = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+(\\.\\d+)?") ? "'" + s : s;
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static Row rate(String label, Rate r) {
        return new Row(label, figures("hits", r.hits(), "total", r.total(), "share", Math.round(r.share() * 1000) / 10.0));
    }

    private static Map<String, Object> figures(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
