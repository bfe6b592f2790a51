package org.redress.app.store;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.redress.core.complaint.Category;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Priority;
import org.redress.core.report.Rate;
import org.redress.core.report.Reports;
import org.redress.core.sla.SlaClock;
import org.redress.core.sla.SlaClocks;
import org.redress.core.sla.SlaMetric;
import org.redress.core.sla.SlaPolicy;

/**
 * The supervisor's figures counted by the database (aggregate queries over the complaints received since a moment),
 * so that a report reads a few hundred rows of counts instead of every complaint whole: its time grows with the
 * complaints of the period, not with what each of them holds, and nothing of the period is loaded into memory. The
 * period's complaint rows carry their clocks' and entries' figures ({@link ComplaintFigures}), so the main count is one
 * pass over those rows with no join. The definitions are core's {@link Reports}; {@code ReportCountsTest} checks both
 * give the same figures.
 */
public final class ReportCounts {

    private final Database database;

    public ReportCounts(Database database) {
        this.database = database;
    }

    /** The figures of a report over the complaints received since a moment, each as core's {@link Reports} defines it. */
    public record Counts(long received, Reports.WeakAreas weakAreas, Map<SlaMetric, Rate> sla, Closing closing) {
    }

    /** Reopened, and resolved at first contact (one reply to one contact, never reopened), each of those ever closed. */
    public record Closing(Rate reopened, Rate firstContact) {
    }

    /**
     * Every figure of the complaints received since, from one grouped pass over their rows (each row carries its
     * clocks' and entries' figures: {@link ComplaintFigures}): complaints per category and month in the desk's zone
     * (with the trends over the same days of both months when the latest month is still running at {@code now}), SLA
     * compliance per metric, reopen and first-contact rates.
     *
     * <p>A clock counts as met or missed when it stopped, and a current clock still running past its deadline counts
     * as missed: the SLA job marks a breach when it sees it, and a clock it has not seen yet (its next check is due)
     * is read and judged here with the desk's calendar, so the figure does not wait for the job.
     */
    public Counts count(Instant since, ZoneId zone, Instant now, SlaPolicy policy) {
        // the months told apart by comparing the received time with their ends in the desk's zone, found here (how
        // many were received before each end, per category: a month's count is the difference): grouped by category
        // alone, which the database estimates well and hashes in a few rows, and no time converted to the zone per row.
        // A complaint received after the month of now (a clock set back) is counted by its converted time instead.
        List<YearMonth> months = new ArrayList<>();
        YearMonth last = YearMonth.from(now.atZone(zone));
        for (YearMonth m = YearMonth.from(since.atZone(zone)); !m.isAfter(last) || months.isEmpty(); m = m.plusMonths(1)) {
            months.add(m);
        }
        StringBuilder before = new StringBuilder();
        for (int i = 0; i < months.size(); i++) {
            before.append("sum(case when received_at < :end").append(i).append(" then 1 else 0 end) as before").append(i).append(", ");
        }
        Instant beyond = end(months.get(months.size() - 1), zone);
        Map<Category, SortedMap<YearMonth, Long>> byCategory = new HashMap<>();
        long[] closing = new long[4];
        long[] clocks = new long[ComplaintFigures.CLOCK_COLUMNS.size()];
        database.jdbi().useTransaction(h -> {
            if (database.isPostgres()) {
                // compiling this query costs more than it saves (~100 ms of the ~350 at a year of a million complaints)
                h.execute("set local jit = off");
            }
            var main = h.createQuery(figures(before.toString())).bind("since", Complaints.at(since));
            for (int i = 0; i < months.size(); i++) {
                main.bind("end" + i, Complaints.at(end(months.get(i), zone)));
            }
            main.map((rs, ctx) -> {
                long counted = 0;
                for (int i = 0; i < months.size(); i++) {
                    long n = rs.getLong("before" + i) - counted;
                    counted += n;
                    if (n > 0) {
                        byCategory.computeIfAbsent(new Category(rs.getString("category")), k -> new TreeMap<>()).merge(months.get(i), n, Long::sum);
                    }
                }
                add(rs, closing, clocks);
                return rs.getLong("n") - counted;
            }).list().stream().filter(later -> later > 0).findAny().ifPresent(any -> {
                // the zone is written into the statement: both databases take a zone's name there, and ZoneId allows no quote
                String local = "received_at at time zone '" + zone.getId().replace("'", "") + "'";
                h.createQuery("select category, y, m, count(*) as n from (select category, extract(year from " + local + ") as y, "
                                + "extract(month from " + local + ") as m from complaint where received_at >= :since and received_at >= :beyond) t "
                                + "group by category, y, m")
                        .bind("since", Complaints.at(since)).bind("beyond", Complaints.at(beyond))
                        .map((rs, ctx) -> byCategory.computeIfAbsent(new Category(rs.getString("category")), k -> new TreeMap<>())
                                .merge(YearMonth.of(rs.getInt("y"), rs.getInt("m")), rs.getLong("n"), Long::sum)).list();
            });
        });
        return new Counts(closing[0], weakAreas(Reports.weakAreas(byCategory, Map.of()), since, zone, now),
                slaCompliance(clocks, since, now, policy),
                new Closing(new Rate(closing[2], closing[1]), new Rate(closing[3], closing[1])));
    }

    private static Instant end(YearMonth month, ZoneId zone) {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }

    /** The figures' query over the complaints received since, per category, the month counts ({@code before}) first. */
    private static String figures(String before) {
        StringBuilder sums = new StringBuilder();
        for (String column : ComplaintFigures.CLOCK_COLUMNS) {
            sums.append(", sum(").append(column).append(") as ").append(column);
        }
        return "select category, " + before + "count(*) as n, "
                + "sum(case when closed_at is not null or reopen_count > 0 then 1 else 0 end) as closed, "
                + "sum(case when reopen_count > 0 then 1 else 0 end) as reopened, "
                + "sum(case when closed_at is not null and reopen_count = 0 and replies <= 1 and contacts <= 1 then 1 else 0 end) "
                + "as first_contact" + sums + " from complaint where received_at >= :since group by category";
    }

    /** Adds a row's complaints, closing and clock figures to the report's. */
    private static void add(java.sql.ResultSet rs, long[] closing, long[] clocks) throws java.sql.SQLException {
        closing[0] += rs.getLong("n");
        closing[1] += rs.getLong("closed");
        closing[2] += rs.getLong("reopened");
        closing[3] += rs.getLong("first_contact");
        for (int i = 0; i < clocks.length; i++) {
            clocks[i] += rs.getLong(ComplaintFigures.CLOCK_COLUMNS.get(i));
        }
    }

    /** When the latest month is still running, its trends counted again over the same days of both months. */
    private Reports.WeakAreas weakAreas(Reports.WeakAreas whole, Instant since, ZoneId zone, Instant now) {
        var days = Reports.sameDays(whole, zone, now);
        if (days.isEmpty()) {
            return whole;
        }
        Map<Category, long[]> counts = new HashMap<>();
        database.jdbi().useHandle(h -> h.createQuery("select category, "
                        + "sum(case when received_at < :lastEnd then 1 else 0 end) as before_n, "
                        + "sum(case when received_at >= :thisStart and received_at <= :now then 1 else 0 end) as now_n "
                        + "from complaint where received_at >= :lastStart and received_at >= :since group by category")
                .bind("lastStart", Complaints.at(days.get().lastStart())).bind("lastEnd", Complaints.at(days.get().lastEnd()))
                .bind("thisStart", Complaints.at(days.get().thisStart())).bind("now", Complaints.at(now)).bind("since", Complaints.at(since))
                .map((rs, ctx) -> counts.put(new Category(rs.getString("category")), new long[] {rs.getLong("before_n"), rs.getLong("now_n")}))
                .list());
        return Reports.overSameDays(whole, counts);
    }

    /** The clocks' figures summed over the period (met, stopped, late per metric), with the due clocks judged now. */
    private Map<SlaMetric, Rate> slaCompliance(long[] n, Instant since, Instant now, SlaPolicy policy) {
        database.jdbi().useHandle(h -> h.createQuery("select k.*, c.priority from sla_clock k join complaint c on c.number = k.complaint_number "
                        + "where c.received_at >= :since and k.current_clock = true and k.stopped_at is null and k.breached = false "
                        + "and k.next_check_at <= :now")
                .bind("since", Complaints.at(since)).bind("now", Complaints.at(now))
                .map((rs, ctx) -> {
                    SlaClock.Stored k = Complaints.clock(rs);
                    SlaClocks one = SlaClocks.restore(new Complaint.Number(rs.getLong("complaint_number")),
                            Priority.valueOf(rs.getString("priority")), policy, List.of(k), List.of());
                    if (one.state(k.metric(), now).orElse(null) == SlaClock.State.BREACHED) {
                        n[k.metric().ordinal() * 3 + 2]++;
                    }
                    return 0;
                }).list());
        Map<SlaMetric, Rate> rates = new EnumMap<>(SlaMetric.class);
        for (SlaMetric m : SlaMetric.values()) {
            int at = m.ordinal() * 3;
            long total = n[at + 1] + n[at + 2];
            if (total > 0) {
                rates.put(m, new Rate(n[at], total));
            }
        }
        return rates;
    }

    /** Promises kept of those settled, per agent, on the complaints received since. */
    public Map<String, Rate> promiseKeeping(Instant since) {
        Map<String, Rate> rates = new TreeMap<>();
        database.jdbi().useHandle(h -> h.createQuery("select p.owner, sum(case when p.state = 'KEPT' then 1 else 0 end) as kept, "
                        + "sum(case when p.state <> 'OPEN' then 1 else 0 end) as settled from promise p "
                        + "join complaint c on c.number = p.complaint_number where c.received_at >= :since group by p.owner")
                .bind("since", Complaints.at(since))
                .map((rs, ctx) -> rs.getLong("settled") > 0 ? rates.put(rs.getString("owner"), new Rate(rs.getLong("kept"), rs.getLong("settled")))
                        : null).list());
        return rates;
    }
}
