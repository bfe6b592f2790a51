package org.redress.app.desk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.redress.app.channels.ChannelRegistry;
import org.redress.app.intake.DeskIntake;
import org.redress.app.store.DeskAudit;
import org.redress.app.store.QuarantineShelf;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.ChannelSettings;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.Quarantined;
import org.redress.core.staff.Actor;

/**
 * What the channels could not read, kept with its raw bytes: listed, discarded, or retried. A retry reads the raw
 * mail again through its channel's plugin (after a parser fix, or once an administrator repaired the file) and,
 * when it now reads, stores it through the desk's intake like any message; what still cannot be read stays with its
 * new reason. Calls and social posts are read from whole files, so those are corrected at their source and imported
 * again. Every retry and discard is in the desk's audit trail, whoever asked for it (API, console or CLI).
 */
public final class Quarantine {

    /** What a retry did. */
    public record Retried(long id, boolean stored, String outcome) {
    }

    private final QuarantineShelf shelf;
    private final ChannelRegistry registry;
    private final BiFunction<String, Boolean, DeskIntake> intake;
    private final DeskAudit audit;
    private final Clock clock;

    /** @param intake the desk's intake for a plugin, acknowledging or not */
    public Quarantine(QuarantineShelf shelf, ChannelRegistry registry, BiFunction<String, Boolean, DeskIntake> intake, DeskAudit audit,
                      Clock clock) {
        this.shelf = shelf;
        this.registry = registry;
        this.intake = intake;
        this.audit = audit;
        this.clock = clock;
    }

    public List<QuarantineShelf.Item> open() {
        return shelf.open();
    }

    public void discard(long id, Actor by, String reason) {
        shelf.discard(id);
        audit.record(by, DeskAudit.Action.QUARANTINE_DISCARD, "quarantine " + id, reason == null ? "" : reason);
    }

    public Retried retry(long id, Actor by) {
        Retried r = retry(id);
        audit.record(by, DeskAudit.Action.QUARANTINE_RETRY, "quarantine " + id, r.outcome());
        return r;
    }

    private Retried retry(long id) {
        QuarantineShelf.Held held = shelf.require(id);
        if (!"open".equals(held.status())) {
            throw new IllegalStateException("quarantine record " + id + " is " + held.status() + ", not open");
        }
        String instance = held.instance();
        String plugin = held.plugin().orElse(instance.startsWith("import:email:") ? "email" : "");
        if (!plugin.equals("email")) {
            throw new IllegalArgumentException("quarantine record " + id + " came from " + instance + " (" + (plugin.isEmpty() ? "unknown" : plugin)
                    + "): only mail can be read again from its raw bytes; correct the file at its source and import it again");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("redress-retry-");
            Path file = Files.write(dir.resolve("q" + id + ".eml"), held.raw());
            ChannelPlugin email = registry.require(plugin);
            try (Channel channel = email.open(ChannelSettings.validate(email.descriptor(), Map.of("source", "eml", "path", file.toString())),
                    new ChannelContext("retry:" + instance, clock))) {
                Batch batch = channel.read(Checkpoint.START, 10);
                List<Inbound> items = batch.items();
                if (items.isEmpty() || items.get(0) instanceof Quarantined) {
                    String reason = items.isEmpty() ? "nothing could be read" : ((Quarantined) items.get(0)).reason();
                    shelf.stillUnreadable(id, reason);
                    return new Retried(id, false, "still unreadable: " + reason);
                }
                // stored under its own instance, so the live channel's checkpoint is not touched
                DeskIntake in = intake.apply(plugin, false);
                in.store("retry:" + instance, new Batch(List.of(items.get(0)), Checkpoint.of("q" + id), false));
                shelf.retried(id);
                DeskIntake.Counts c = in.counts();
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
