package org.redress.app.store;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The desk's state in numbers, counted in the database when asked: what /metrics reports at each scrape. */
public final class DeskState {

    /**
     * @param openByPriority  open complaints by priority name
     * @param warned          running SLA clocks past their warning point
     * @param breached        running SLA clocks past their target
     * @param promisesByState promises by state name (OPEN, KEPT, BROKEN)
     * @param promisesDueSoon open promises due within the hour
     * @param outboxByStatus  outgoing messages by status (pending, failed, sent)
     */
    public record Counts(Map<String, Long> openByPriority, long warned, long breached, Map<String, Long> promisesByState,
                         long promisesDueSoon, Map<String, Long> outboxByStatus) {
    }

    private final Database database;

    public DeskState(Database database) {
        this.database = database;
    }

    public Counts count(Instant now) {
        return database.jdbi().withHandle(h -> {
            Map<String, Long> open = new HashMap<>();
            h.createQuery("select priority, count(*) from complaint where status <> 'CLOSED' group by priority")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).forEach(e -> open.put(e.getKey(), e.getValue()));
            long[] clocks = h.createQuery("select coalesce(sum(case when warned then 1 else 0 end), 0), "
                    + "coalesce(sum(case when breached then 1 else 0 end), 0) from sla_clock where current_clock = true and stopped_at is null")
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one();
            Map<String, Long> promises = new HashMap<>();
            h.createQuery("select state, count(*) from promise group by state")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).forEach(e -> promises.put(e.getKey(), e.getValue()));
            long dueSoon = h.createQuery("select count(*) from promise where state = 'OPEN' and due_at <= :soon")
                    .bind("soon", Complaints.at(now.plus(Duration.ofHours(1)))).mapTo(Long.class).one();
            Map<String, Long> outbox = new HashMap<>();
            h.createQuery("select status, count(*) from outbound_message group by status")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).forEach(e -> outbox.put(e.getKey(), e.getValue()));
            return new Counts(open, clocks[0], clocks[1], promises, dueSoon, outbox);
        });
    }
}
