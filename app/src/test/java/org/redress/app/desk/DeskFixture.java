package org.redress.app.desk;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.redress.app.store.Database;
import org.redress.app.store.Outbound;
import org.redress.app.store.TestDatabases;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.RawSource;
import org.redress.core.channel.SenderIdentity;

/** A desk over a fresh H2 file, with complaints taken in by mail through the desk's own intake, for use-case tests. */
final class DeskFixture implements AutoCloseable {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    static final String MAILBOX = "support-mail";

    final Database db;
    final Desk desk;

    DeskFixture(Path dir) {
        db = Database.open(TestDatabases.fresh("h2", dir), 4);
        desk = TestDesks.english(db, CLOCK);
    }

    /** A customer's mail becomes a complaint (acknowledged); returns its number. */
    long complaint(String from, String subject, String text) {
        String id = "m-" + from + "-" + subject.hashCode() + "@customer.example";
        InboundMessage m = InboundMessage.builder(id).sender(SenderIdentity.email(from, from)).sentAt(CLOCK.instant())
                .subject(subject).text(text).raw(new RawSource("test:" + id, "text/plain", text.getBytes(StandardCharsets.UTF_8))).build();
        desk.intake("email", true).store(MAILBOX, new Batch(List.<Inbound>of(m), Checkpoint.of(id), false));
        return db.jdbi().withHandle(h -> h.createQuery("select complaint_number from inbound_message "
                + "where external_id = :id").bind("id", id).mapTo(Long.class).one());
    }

    long version(long number) {
        return desk.complaints().require(number).complaint().version();
    }

    /** What the desk owes through the mailbox, oldest first. */
    List<Outbound.Owed> owed() {
        return new Outbound(db, CLOCK).pending(MAILBOX, 1000);
    }

    @Override
    public void close() {
        db.close();
    }
}
