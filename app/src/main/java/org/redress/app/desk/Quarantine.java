package org.redress.app.desk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redress.app.channels.ChannelRegistry;
import org.redress.app.intake.DeskIntake;
import org.redress.app.store.Database;
import org.redress.app.store.NotFoundException;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.ChannelSettings;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.Quarantined;
import org.redress.core.classify.Triage;
import org.redress.core.routing.RoutingTable;
import org.redress.core.sla.SlaPolicy;
import org.redress.core.text.LanguageDetection;

/**
 * What the channels could not read, kept with its raw bytes: listed, discarded, or retried. A retry reads the raw
 * mail again through the email channel (after a parser fix, or once an administrator repaired the file) and, when
 * it now reads, stores it through the desk's intake like any message; what still cannot be read stays with its new
 * reason. Calls and social posts are read from whole files, so those are corrected at their source and imported
 * again.
 */
public final class Quarantine {

    /** One quarantined item. */
    public record Item(long id, String channel, String externalId, String reason, String location, String mediaType,
                       OffsetDateTime receivedAt, String status) {
    }

    /** What a retry did. */
    public record Retried(long id, boolean stored, String outcome) {
    }

    private final Database database;
    private final ChannelRegistry registry;
    private final LanguageDetection detection;
    private final SlaPolicy sla;
    private final RoutingTable routing;
    private final Clock clock;

    public Quarantine(Database database, ChannelRegistry registry, LanguageDetection detection, SlaPolicy sla, RoutingTable routing,
                      Clock clock) {
        this.database = database;
        this.registry = registry;
        this.detection = detection;
        this.sla = sla;
        this.routing = routing;
        this.clock = clock;
    }

    public List<Item> open() {
        return database.jdbi().withHandle(h -> h.createQuery("select id, instance, external_id, reason, location, media_type, "
                        + "received_at, status from quarantine where status = 'open' order by id")
                .map((rs, ctx) -> new Item(rs.getLong("id"), rs.getString("instance"), rs.getString("external_id"), rs.getString("reason"),
                        rs.getString("location"), rs.getString("media_type"), rs.getObject("received_at", OffsetDateTime.class),
                        rs.getString("status"))).list());
    }

    public void discard(long id) {
        int n = database.jdbi().withHandle(h -> h.createUpdate("update quarantine set status = 'discarded' where id = :id and status = 'open'")
                .bind("id", id).execute());
        if (n == 0) {
            throw new NotFoundException("there is no open quarantine record " + id);
        }
    }

    public Retried retry(long id) {
        Map<String, Object> row = database.jdbi().withHandle(h -> h.createQuery("select q.instance, q.raw, q.status, c.plugin "
                        + "from quarantine q left join channel_instance c on c.name = q.instance where q.id = :id")
                .bind("id", id).mapToMap().findOne())
                .orElseThrow(() -> new NotFoundException("there is no quarantine record " + id));
        if (!"open".equals(row.get("status"))) {
            throw new IllegalStateException("quarantine record " + id + " is " + row.get("status") + ", not open");
        }
        String instance = (String) row.get("instance");
        String plugin = Optional.ofNullable((String) row.get("plugin")).orElse(instance.startsWith("import:email:") ? "email" : "");
        if (!plugin.equals("email")) {
            throw new IllegalArgumentException("quarantine record " + id + " came from " + instance + " (" + (plugin.isEmpty() ? "unknown" : plugin)
                    + "): only mail can be read again from its raw bytes; correct the file at its source and import it again");
        }
        byte[] raw = (byte[]) row.get("raw");
        Path dir = null;
        try {
            dir = Files.createTempDirectory("redress-retry-");
            Files.write(dir.resolve("q" + id + ".eml"), raw);
            ChannelPlugin email = registry.require("email");
            try (Channel channel = email.open(ChannelSettings.validate(email.descriptor(), Map.of("source", "eml", "path", dir.toString())),
                    new ChannelContext("retry:" + instance, clock))) {
                Batch batch = channel.read(Checkpoint.START, 10);
                List<Inbound> items = batch.items();
                if (items.isEmpty() || items.get(0) instanceof Quarantined) {
                    String reason = items.isEmpty() ? "nothing could be read" : ((Quarantined) items.get(0)).reason();
                    database.jdbi().useHandle(h -> h.createUpdate("update quarantine set reason = :reason where id = :id")
                            .bind("reason", reason.length() > 4000 ? reason.substring(0, 4000) : reason).bind("id", id).execute());
                    return new Retried(id, false, "still unreadable: " + reason);
                }
                // stored under its own instance, so the live channel's checkpoint is not touched
                DeskIntake intake = new DeskIntake(database, "email", new Triage(Triage.Policy.standard(), Optional.empty()), detection,
                        routing, clock, false, sla);
                intake.store("retry:" + instance, new Batch(List.of(items.get(0)), Checkpoint.of("q" + id), false));
                database.jdbi().useHandle(h -> h.createUpdate("update quarantine set status = 'retried' where id = :id").bind("id", id).execute());
                DeskIntake.Counts c = intake.counts();
                return new Retried(id, true, c.created() > 0 ? "stored as a new complaint" : c.appended() > 0 ? "stored as a follow-up"
                        : c.duplicates() > 0 ? "already stored" : "stored");
            }
        } catch (ChannelException e) {
            throw new IllegalStateException("cannot read quarantine record " + id + " again: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                try (var files = Files.list(dir)) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                    Files.deleteIfExists(dir);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
