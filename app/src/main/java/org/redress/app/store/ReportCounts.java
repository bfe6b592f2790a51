package org.redress.app.store;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.redress.core.complaint.Category;
import org.redress.core.report.Rate;
import org.redress.core.report.Reports;
import org.redress.core.sla.SlaMetric;

/**
 * The supervisor's figures counted by the database (aggregate queries over the complaints received since a moment),
 * so that a report reads a few hundred rows of counts instead of every complaint whole: its time grows with the
 * complaints of the period, not with what each of them holds, and nothing of the period is loaded into memory. The
 * definitions are core's {@link Reports}; {@code ReportCountsTest} checks both give the same figures.
 */
public final class ReportCounts {

    private final Database database;

    public ReportCounts(Database database) {
        this.database = database;
    }

    /** How many complaints were received since. */
    public long received(Instant since) {
        return database.jdbi().withHandle(h -> h.createQuery("select count(*) from complaint where received_at >= :since")
                .bind("since", Complaints.at(since)).mapTo(Long.class).one());
    }

    /**
     * Complaints per category and month in the desk's zone, and, when the latest month is still running at {@code now},
     * the trends counted again over the same days of both months.
     */
    public Reports.WeakAreas weakAreas(Instant since, ZoneId zone, Instant now) {
        // the zone is written into the statement: both databases take a zone's name there, and ZoneId allows no quote
        String local = "received_at at time zone '" + zone.getId().replace("'", "") + "'";
        Map<Category, SortedMap<YearMonth, Long>> byCategory = new HashMap<>();
        database.jdbi().useHandle(h -> h.createQuery("select category, y, m, count(*) as n from (select category, extract(year from "
                        + local + ") as y, extract(month from " + local + ") as m from complaint where received_at >= :since) t "
                        + "group by category, y, m")
                .bind("since", Complaints.at(since))
                .map((rs, ctx) -> byCategory.computeIfAbsent(new Category(rs.getString("category")), k -> new TreeMap<>())
                        .put(YearMonth.of(rs.getInt("y"), rs.getInt("m")), rs.getLong("n"))).list());
        Reports.WeakAreas whole = Reports.weakAreas(byCategory, Map.of());
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

    /**
     * SLA clocks of the period's complaints that met their target, per metric: of those stopped, and a current clock
     * still running past its deadline counts as missed (the breach the SLA job marked, as the queue counts it).
     */
    public Map<SlaMetric, Rate> slaCompliance(Instant since) {
        Map<SlaMetric, Rate> rates = new EnumMap<>(SlaMetric.class);
        database.jdbi().useHandle(h -> h.createQuery("select k.metric, "
                        + "sum(case when k.stopped_at is not null and k.missed = false then 1 else 0 end) as met, "
                        + "sum(case when k.stopped_at is not null then 1 else 0 end) as stopped, "
                        + "sum(case when k.stopped_at is null and k.current_clock = true and k.breached = true then 1 else 0 end) as late "
                        + "from sla_clock k join complaint c on c.number = k.complaint_number where c.received_at >= :since group by k.metric")
                .bind("since", Complaints.at(since))
                .map((rs, ctx) -> {
                    long total = rs.getLong("stopped") + rs.getLong("late");
                    if (total > 0) {
                        rates.put(SlaMetric.valueOf(rs.getString("metric")), new Rate(rs.getLong("met"), total));
                    }
                    return 0;
                }).list());
        return rates;
    }

    /** Promises kept of those settled, per agent, on the period's complaints. */
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

    /** Reopened, and resolved at first contact (one reply to one contact, never reopened), each of those ever closed. */
    public record Closing(Rate reopened, Rate firstContact) {
    }

    public Closing closing(Instant since) {
        return database.jdbi().withHandle(h -> h.createQuery("select "
                        + "sum(case when c.closed_at is not null or c.reopen_count > 0 then 1 else 0 end) as closed, "
                        + "sum(case when c.reopen_count > 0 then 1 else 0 end) as reopened, "
                        + "sum(case when c.closed_at is not null and c.reopen_count = 0 "
                        + "  and (select count(*) from complaint_entry e where e.complaint_number = c.number and e.kind = 'reply') <= 1 "
                        + "  and (select count(*) from complaint_entry e where e.complaint_number = c.number "
                        + "       and ((e.kind = 'inbound' and e.automated = false) or e.kind = 'call')) <= 1 then 1 else 0 end) as first_contact "
                        + "from complaint c where c.received_at >= :since")
                .bind("since", Complaints.at(since))
                .map((rs, ctx) -> new Closing(new Rate(rs.getLong("reopened"), rs.getLong("closed")),
                        new Rate(rs.getLong("first_contact"), rs.getLong("closed")))).one());
    }
}
