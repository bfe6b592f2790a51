package org.redress.app.store;

import static org.redress.app.store.Complaints.at;

import java.time.Instant;
import java.util.List;

/**
 * What supervisors and the desk's jobs look for among the complaints: escalated and abusive ones, clocks that may
 * owe a warning or a breach, complaints due a look for being stuck. Each is one query, whatever the desk's size; the
 * marks the jobs leave are written by {@link Complaints}, the tables' one writer.
 */
public final class Watchlist {

    /** An open complaint above the agent's level. */
    public record Escalated(long number, String subject, String escalation, String priority, String owner) {
    }

    /** A complaint in the abuse protocol: where it stands, and what its last step said. */
    public record Insulted(long number, String subject, String evidence) {
    }

    private final Database database;

    public Watchlist(Database database) {
        this.database = database;
    }

    public List<Escalated> escalated(int limit) {
        return escalated(limit, 0);
    }

    /** Open complaints above the agent's level, most urgent first, from the {@code offset}-th. */
    public List<Escalated> escalated(int limit, long offset) {
        return database.jdbi().withHandle(h -> h.createQuery("select number, subject, escalation, priority, owner from complaint "
                        + "where open = true and escalation <> 'AGENT' order by priority, due_at, number limit :limit offset :offset")
                .bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> new Escalated(rs.getLong("number"), rs.getString("subject"), rs.getString("escalation"),
                        rs.getString("priority"), rs.getString("owner"))).list());
    }

    /** How many open complaints are above the agent's level. */
    public long escalatedCount() {
        return database.jdbi().withHandle(h -> h.createQuery("select count(*) from complaint where open = true and escalation <> 'AGENT'")
                .mapTo(Long.class).one());
    }

    /** How many complaints have abuse on their audit trail. */
    public long insultedCount() {
        return database.jdbi().withHandle(h -> h.createQuery("select count(distinct complaint_number) from audit_record where action = 'abuse'")
                .mapTo(Long.class).one());
    }

    public List<Insulted> insulted(int limit) {
        return insulted(limit, 0);
    }

    public List<Insulted> insulted(int limit, long offset) {
        // the abuse protocol's last record of each complaint: ended conversations first, then the newest
        return database.jdbi().withHandle(h -> h.createQuery("select c.number, c.subject, a.after_value, a.reason from audit_record a "
                        + "join complaint c on c.number = a.complaint_number where a.action = 'abuse' and a.id = (select max(b.id) "
                        + "from audit_record b where b.complaint_number = a.complaint_number and b.action = 'abuse') "
                        + "order by case when a.after_value = 'ENDED' then 0 else 1 end, a.id desc limit :limit offset :offset")
                .bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> new Insulted(rs.getLong("number"), rs.getString("subject"),
                        rs.getString("after_value") + ": " + rs.getString("reason"))).list());
    }

    /** Complaints with a clock that may owe an event by {@code now}. */
    public List<Long> clocksDue(Instant now, int limit) {
        return database.jdbi().withHandle(h -> h.createQuery("select distinct complaint_number from sla_clock "
                        + "where current_clock = true and next_check_at <= :now order by complaint_number limit :limit")
                .bind("now", at(now)).bind("limit", limit).mapTo(Long.class).list());
    }

    /** Open complaints not checked for being stuck since {@code before}. */
    public List<Long> stuckCandidates(Instant before, int limit) {
        return database.jdbi().withHandle(h -> h.createQuery("select number from complaint where open = true "
                        + "and (stuck_checked_at is null or stuck_checked_at < :before) order by number limit :limit")
                .bind("before", at(before)).bind("limit", limit).mapTo(Long.class).list());
    }
}
