package org.redress.app.store;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
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
 * definitions are core's {@link Reports}; {@code ReportCountsTest} checks both give the same figures.
 */
public final class ReportCounts {

    private final Database database;

    public ReportCounts(Database database) {
        this.database = database;
    }

    /**
     * The lowest number of a complaint received since: every complaint of the period has this number or a higher one
     * (numbers grow as complaints arrive; mail read late from an old mailbox gets a high number and an early time, and
     * the time filter drops it), so the clocks, entries and promises of the period are read as one range of their
     * complaint's number instead of looked up complaint by complaint. -1 when the period has none.
     */
    /** A report's period: from when, and the lowest number of a complaint received since (-1 when none). */
    public record Period(Instant since, long first) {
    }

    /** The period from {@code since}, its first number read once for the report's queries. */
    public Period period(Instant since) {
        // "offset 0" keeps the subquery whole, so the database reads the numbers from the index of the received time
        // (a plain min(number) walks the primary key from the oldest complaint until one is recent enough)
        return new Period(since, database.jdbi().withHandle(h -> h.createQuery("select min(n) from (select number as n from complaint "
                        + "where received_at >= :since offset 0) t")
                .bind("since", Complaints.at(since)).mapTo(Long.class).findOne().orElse(-1L)));
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
     * still running past its deadline counts as missed. The SLA job marks a breach when it sees it; a clock it has
     * not seen yet (its next check is due) is read and judged here with the desk's calendar, so the figure does not
     * wait for the job.
     */
    public Map<SlaMetric, Rate> slaCompliance(Instant since, Instant now, SlaPolicy policy) {
        return slaCompliance(period(since), now, policy);
    }

    public Map<SlaMetric, Rate> slaCompliance(Period period, Instant now, SlaPolicy policy) {
        Instant since = period.since();
        long first = period.first();
        long[][] n = new long[SlaMetric.values().length][3];
        database.jdbi().useHandle(h -> {
            h.createQuery("select k.metric, "
                            + "sum(case when k.stopped_at is not null and k.missed = false then 1 else 0 end) as met, "
                            + "sum(case when k.stopped_at is not null then 1 else 0 end) as stopped, "
                            + "sum(case when k.stopped_at is null and k.current_clock = true and k.breached = true then 1 else 0 end) as late "
                            + "from sla_clock k join complaint c on c.number = k.complaint_number "
                            + "where k.complaint_number >= :first and c.number >= :first and c.received_at >= :since group by k.metric")
                    .bind("since", Complaints.at(since)).bind("first", first)
                    .map((rs, ctx) -> {
                        long[] m = n[SlaMetric.valueOf(rs.getString("metric")).ordinal()];
                        m[0] += rs.getLong("met");
                        m[1] += rs.getLong("stopped");
                        m[2] += rs.getLong("late");
                        return 0;
                    }).list();
            h.createQuery("select k.*, c.priority from sla_clock k join complaint c on c.number = k.complaint_number "
                            + "where c.received_at >= :since and k.current_clock = true and k.stopped_at is null and k.breached = false "
                            + "and k.next_check_at <= :now")
                    .bind("since", Complaints.at(since)).bind("now", Complaints.at(now))
                    .map((rs, ctx) -> {
                        SlaClock.Stored k = Complaints.clock(rs);
                        SlaClocks one = SlaClocks.restore(new Complaint.Number(rs.getLong("complaint_number")),
                                Priority.valueOf(rs.getString("priority")), policy, List.of(k), List.of());
                        if (one.state(k.metric(), now).orElse(null) == SlaClock.State.BREACHED) {
                            n[k.metric().ordinal()][2]++;
                        }
                        return 0;
                    }).list();
        });
        Map<SlaMetric, Rate> rates = new EnumMap<>(SlaMetric.class);
        for (SlaMetric m : SlaMetric.values()) {
            long[] c = n[m.ordinal()];
            if (c[1] + c[2] > 0) {
                rates.put(m, new Rate(c[0], c[1] + c[2]));
            }
        }
        return rates;
    }

    /** Promises kept of those settled, per agent, on the period's complaints. */
    public Map<String, Rate> promiseKeeping(Instant since) {
        return promiseKeeping(period(since));
    }

    public Map<String, Rate> promiseKeeping(Period period) {
        Instant since = period.since();
        Map<String, Rate> rates = new TreeMap<>();
        database.jdbi().useHandle(h -> h.createQuery("select p.owner, sum(case when p.state = 'KEPT' then 1 else 0 end) as kept, "
                        + "sum(case when p.state <> 'OPEN' then 1 else 0 end) as settled from promise p "
                        + "join complaint c on c.number = p.complaint_number where p.complaint_number >= :first and c.received_at >= :since "
                        + "group by p.owner")
                .bind("since", Complaints.at(since)).bind("first", period.first())
                .map((rs, ctx) -> rs.getLong("settled") > 0 ? rates.put(rs.getString("owner"), new Rate(rs.getLong("kept"), rs.getLong("settled")))
                        : null).list());
        return rates;
    }

    /** Reopened, and resolved at first contact (one reply to one contact, never reopened), each of those ever closed. */
    public record Closing(Rate reopened, Rate firstContact) {
    }

    public Closing closing(Instant since) {
        return closing(period(since));
    }

    public Closing closing(Period period) {
        Instant since = period.since();
        // the entries of the period counted per complaint in one pass over their range, not two lookups a complaint
        return database.jdbi().withHandle(h -> h.createQuery("select "
                        + "sum(case when c.closed_at is not null or c.reopen_count > 0 then 1 else 0 end) as closed, "
                        + "sum(case when c.reopen_count > 0 then 1 else 0 end) as reopened, "
                        + "sum(case when c.closed_at is not null and c.reopen_count = 0 and coalesce(e.replies, 0) <= 1 "
                        + "  and coalesce(e.contacts, 0) <= 1 then 1 else 0 end) as first_contact "
                        + "from complaint c left join (select complaint_number, sum(case when kind = 'reply' then 1 else 0 end) as replies, "
                        + "  sum(case when (kind = 'inbound' and automated = false) or kind = 'call' then 1 else 0 end) as contacts "
                        + "  from complaint_entry where complaint_number >= :first group by complaint_number) e on e.complaint_number = c.number "
                        + "where c.number >= :first and c.received_at >= :since")
                .bind("since", Complaints.at(since)).bind("first", period.first())
                .map((rs, ctx) -> new Closing(new Rate(rs.getLong("reopened"), rs.getLong("closed")),
                        new Rate(rs.getLong("first_contact"), rs.getLong("closed")))).one());
    }
}
