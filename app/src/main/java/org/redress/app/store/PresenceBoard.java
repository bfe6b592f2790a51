package org.redress.app.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Who is on a complaint now (table {@code presence}): each console that has it open says so every few seconds, and
 * whether its agent is writing a reply. Kept in the database so that agents on different nodes see each other.
 */
public final class PresenceBoard {

    /** What an agent is doing on a complaint. */
    public enum State { VIEWING, TYPING }

    /** Someone else on the complaint, and what they are doing. */
    public record Here(String username, String displayName, State state) {
    }

    /** How the complaint stands: its version, status and who changed it last. */
    public record Standing(long version, String status, String lastActor) {
    }

    /** A presence not renewed within this long is gone. */
    public static final Duration FRESH = Duration.ofSeconds(8);

    private final Database database;

    public PresenceBoard(Database database) {
        this.database = database;
    }

    /** The agent is on the complaint, doing {@code state}; a null state keeps the one they said last. */
    public void seen(long complaint, String username, State state, Instant now) {
        database.jdbi().useHandle(h -> {
            int updated = h.createUpdate("update presence set seen_at = :now" + (state == null ? "" : ", state = :state")
                            + " where complaint_number = :n and username = :u")
                    .bind("now", Complaints.at(now)).bind("state", state == null ? null : state.name()).bind("n", complaint)
                    .bind("u", username).execute();
            if (updated == 0) {
                h.createUpdate("insert into presence (complaint_number, username, state, seen_at) values (:n, :u, :state, :now) "
                                + "on conflict do nothing")
                        .bind("n", complaint).bind("u", username).bind("state", (state == null ? State.VIEWING : state).name())
                        .bind("now", Complaints.at(now)).execute();
            }
        });
    }

    /** The agent left the complaint (closed its page). */
    public void gone(long complaint, String username) {
        database.jdbi().useHandle(h -> h.createUpdate("delete from presence where complaint_number = :n and username = :u")
                .bind("n", complaint).bind("u", username).execute());
    }

    /** Everyone else seen on the complaint lately, by name; a typist silent for a while counts as viewing. */
    public List<Here> others(long complaint, String username, Instant now) {
        return database.jdbi().withHandle(h -> h.createQuery("select p.username, coalesce(u.display_name, p.username) as display_name, "
                        + "p.state, p.seen_at from presence p left join desk_user u on u.username = p.username "
                        + "where p.complaint_number = :n and p.username <> :u and p.seen_at > :since order by p.username")
                .bind("n", complaint).bind("u", username).bind("since", Complaints.at(now.minus(FRESH)))
                .map((rs, ctx) -> new Here(rs.getString("username"), rs.getString("display_name"), State.valueOf(rs.getString("state"))))
                .list());
    }

    /** The complaint's version and status now, and who made its last recorded change. */
    public java.util.Optional<Standing> standing(long complaint) {
        return database.jdbi().withHandle(h -> h.createQuery("select version, status from complaint where number = :n")
                .bind("n", complaint).map((rs, ctx) -> new Standing(rs.getLong("version"), rs.getString("status"),
                        // the last change is an audited one (status, owner…) or a reply or note written
                        h.createQuery("select actor from (select at, id, actor from audit_record where complaint_number = :n "
                                        + "union all select at, id, author as actor from complaint_entry where complaint_number = :n "
                                        + "and kind in ('reply', 'note')) changes order by at desc, id desc limit 1")
                                .bind("n", complaint).mapTo(String.class).findOne().orElse(""))).findOne());
    }

    /** Forgets presences not renewed for a minute: pages closed without a word (a node that died with them open). */
    public int sweep(Instant now) {
        return database.jdbi().withHandle(h -> h.createUpdate("delete from presence where seen_at < :before")
                .bind("before", Complaints.at(now.minus(Duration.ofMinutes(1)))).execute());
    }
}
