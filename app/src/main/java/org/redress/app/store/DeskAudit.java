package org.redress.app.store;

import static org.redress.app.store.Complaints.at;
import static org.redress.app.store.Complaints.cut;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redress.core.staff.Actor;

/**
 * The desk's own audit trail: what people did to the desk rather than to one complaint (users and tokens, the
 * quarantine, customer records, sign-ins), with who did it. Each complaint keeps its own trail besides.
 */
public final class DeskAudit {

    /** What was done: the desk's own audit actions, each stored under its name. */
    public enum Action {
        SIGN_IN("sign-in"), SIGN_IN_FAILED("sign-in-failed"), USER_ADD("user-add"), USER_PASSWORD("user-passwd"),
        TOKEN_CREATE("token-create"), TOKEN_REVOKE("token-revoke"), USER_DEACTIVATE("user-deactivate"),
        USER_REACTIVATE("user-reactivate"), QUARANTINE_RETRY("quarantine-retry"), QUARANTINE_DISCARD("quarantine-discard"),
        CUSTOMER_MERGE("customer-merge"), CUSTOMER_ERASE("customer-erase"), GUARD_PHRASE_ADD("guard-phrase-add"),
        GUARD_PHRASE_REMOVE("guard-phrase-remove");

        private final String stored;

        Action(String stored) {
            this.stored = stored;
        }

        /** The name it is stored and shown under. */
        public String stored() {
            return stored;
        }
    }

    private final Database database;
    private final Clock clock;

    public DeskAudit(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The actor of a command run at the desk's own console: the operating-system user, with the system role. */
    public static Actor console() {
        return new Actor("console:" + System.getProperty("user.name", "unknown"), org.redress.core.staff.Role.SYSTEM);
    }

    public void record(Actor actor, Action action, String subject, String detail) {
        database.jdbi().useHandle(h -> h.createUpdate("insert into desk_audit (at, actor, actor_role, action, subject, detail) "
                        + "values (:at, :actor, :role, :action, :subject, :detail)")
                .bind("at", at(clock.instant())).bind("actor", cut(actor.id(), 200)).bind("role", actor.role().name())
                .bind("action", action.stored()).bind("subject", cut(subject, 300)).bind("detail", cut(detail == null ? "" : detail, 2000))
                .execute());
    }

    /** The newest entries first. */
    public List<Map<String, Object>> newest(int limit) {
        return database.jdbi().withHandle(h -> h.createQuery("select * from desk_audit order by id desc limit :limit").bind("limit", limit)
                .map((rs, ctx) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("at", rs.getObject("at", OffsetDateTime.class).toInstant().toString());
                    m.put("actor", rs.getString("actor"));
                    m.put("role", rs.getString("actor_role").toLowerCase());
                    m.put("action", rs.getString("action"));
                    m.put("subject", rs.getString("subject"));
                    m.put("detail", rs.getString("detail"));
                    return m;
                }).list());
    }
}
