package org.redress.app.desk;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.redress.app.intake.DeskIntake;
import org.redress.app.store.Complaints;
import org.redress.app.store.Inbox;
import org.redress.app.store.Users;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.RawSource;
import org.redress.core.channel.SenderIdentity;

/**
 * A complaint taken at the desk (walk-in), on the phone, or from the web form: stored through the same intake as
 * a channel's messages (triaged, routed, SLA clocks started, escalated on threats), under a channel instance of
 * its own per way in.
 */
public final class WalkIns {

    /** What the agent took down. */
    public record Taken(String via, String name, Optional<String> email, Optional<String> phone, Optional<String> subject,
                        String text, String raw) {
    }

    private static final List<String> WAYS = List.of("walk-in", "phone", "web-form");

    private final DeskIntake intake;
    private final Inbox inbox;
    private final Complaints complaints;
    private final Clock clock;

    WalkIns(DeskIntake intake, Inbox inbox, Complaints complaints, Clock clock) {
        this.intake = intake;
        this.inbox = inbox;
        this.complaints = complaints;
        this.clock = clock;
    }

    /**
     * Stores the complaint and returns it as stored.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public Complaints.Loaded take(Taken t, Users.User by) {
        if (!WAYS.contains(t.via())) {
            throw new IllegalArgumentException("via: one of walk-in, phone, web-form; got '" + t.via() + "'");
        }
        if (t.email().isEmpty() && t.phone().isEmpty()) {
            throw new IllegalArgumentException("customer: an email or a phone number is required, so the desk can answer and recognise them");
        }
        if (t.email().isPresent() && !t.email().get().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("customer.email: not an email address: '" + t.email().get() + "'");
        }
        Casework.required(t.text(), "text");
        String name = t.name() == null ? "" : t.name();
        SenderIdentity sender = t.email().map(e -> SenderIdentity.email(e, name)).orElseGet(() -> SenderIdentity.phone(t.phone().get(), name));
        String text = t.text();
        String subject = t.subject().orElse(text.length() > 80 ? text.substring(0, 80) + "…" : text);
        String externalId = t.via() + "-" + UUID.randomUUID();
        String instance = "desk:" + t.via();
        InboundMessage m = InboundMessage.builder(externalId).sender(sender).sentAt(clock.instant()).subject(subject)
                .text(text).attribute("taken-by", by.username())
                .raw(new RawSource(t.via() + ":" + externalId, "application/json", t.raw().getBytes(StandardCharsets.UTF_8))).build();
        synchronized (intake) {
            intake.store(instance, new Batch(List.of(m), Checkpoint.of(externalId), false));
        }
        long number = inbox.complaintOf(instance, externalId)
                .orElseThrow(() -> new IllegalStateException("the complaint taken as " + externalId + " was not stored"));
        return complaints.require(number);
    }
}
