package org.redress.app.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** What an admin watches of the channels: each instance's checkpoint, last read, poller and open quarantine count. */
public final class ChannelBoard {

    /** One channel instance as stored; {@code polledBy} is the node holding its polling lease, if any. */
    /** A channel instance as the admin page shows it, with the messages waiting to be sent and those that never could. */
    public record Instance(String name, String plugin, String checkpoint, Instant lastReadAt, String polledBy, long quarantined,
                           long pending, long failed) {
    }

    private final Database database;

    public ChannelBoard(Database database) {
        this.database = database;
    }

    public List<Instance> instances() {
        return database.jdbi().withHandle(h -> h.createQuery(
                "select c.name, c.plugin, c.checkpoint, c.last_read_at, l.holder, "
                        + "(select count(*) from quarantine q where q.instance = c.name and q.status = 'open') as quarantined, "
                        + "(select count(*) from outbound_message o where o.instance = c.name and o.status = 'pending') as pending, "
                        + "(select count(*) from outbound_message o where o.instance = c.name and o.status = 'failed') as failed "
                        + "from channel_instance c left join lease l on l.name = 'poll:' || c.name order by c.name")
                .map((rs, ctx) -> new Instance(rs.getString("name"), rs.getString("plugin"), rs.getString("checkpoint"),
                        instant(rs.getObject("last_read_at", OffsetDateTime.class)), rs.getString("holder"), rs.getLong("quarantined"),
                        rs.getLong("pending"), rs.getLong("failed")))
                .list());
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
