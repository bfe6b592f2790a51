package org.redress.app.cli;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redress.app.desk.Desk;
import org.redress.app.desk.WalkIns;
import org.redress.app.store.Complaints;
import org.redress.app.schedule.Job;
import org.redress.app.store.IncidentBook;
import org.redress.app.store.Users;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.RawSource;
import org.redress.core.channel.SenderIdentity;
import org.redress.core.complaint.Complaint;
import org.redress.core.promise.Promise;
import org.redress.core.remedy.Money;
import org.redress.core.remedy.RemedyKind;
import org.redress.core.staff.Actor;
import org.redress.core.staff.Role;

/**
 * A living demo desk, seeded through the desk's own use cases: complaints in several languages from email, social media and phone, stored through the real
 * intake (triaged, routed, escalated where they threaten); an outage flood that the burst job proposes as an
 * incident; a reply checked by the guard; a promise due soon and one broken by the promise job; a remedy awaiting
 * a supervisor; and a user for each role, whose passwords are returned to be printed once.
 */
public final class Demo {

    private final Desk desk;

    public Demo(Desk desk) {
        this.desk = desk;
    }

    /** Seeds the desk and returns each demo user's name, role and password. */
    public Map<String, String> seed() {
        Instant now = desk.clock().instant();
        List<InboundMessage> email = new ArrayList<>();
        email.add(mail("ana.pop@example.ro", "Ana Pop", "Charged twice for my March invoice", now.minus(Duration.ofHours(26)),
                "You charged me twice for my March invoice (2 x 49.90 EUR). I want the second payment back or I will complain "
                        + "to the ombudsman."));
        email.add(mail("ion.ionescu@example.ro", "Ion Ionescu", "Factură dublă", now.minus(Duration.ofHours(5)),
                "Bună ziua, am fost taxat de două ori pentru abonamentul din noiembrie. Vă rog să-mi returnați banii."));
        email.add(mail("olga@example.ru", "Ольга", "Посылка не пришла", now.minus(Duration.ofHours(3)),
                "Здравствуйте! Моя посылка не пришла уже две недели, а в поддержке никто не отвечает."));
        email.add(mail("mart@example.ee", "Mart Tamm", "Arve on vale", now.minus(Duration.ofHours(2)),
                "Tere! Minu arve on vale, mind on kaks korda arveldatud. Palun parandage see."));
        email.add(mail("lan@example.vn", "Nguyễn Lan", "Đơn hàng bị trễ", now.minus(Duration.ofMinutes(90)),
                "Xin chào, đơn hàng của tôi đã trễ hai tuần và không ai trả lời email của tôi."));
        String[] cluj = {"The internet is down in Cluj since this morning, the router shows a red light.",
                "No internet at all in Cluj today, router red light blinking.", "Internet down again in Cluj! Router light is red.",
                "Our office in Cluj has no internet, router has a red light.", "Internet outage Cluj: router red light, nothing works."};
        for (int i = 0; i < cluj.length; i++) {
            email.add(mail("cluj" + (i + 1) + "@example.ro", "Cluj customer " + (i + 1), "Internet down in Cluj",
                    now.minus(Duration.ofMinutes(25 - 4L * i)), cluj[i]));
        }
        List<InboundMessage> social = List.of(InboundMessage.builder("demo-x-1")
                .sender(SenderIdentity.social("x", "@dana_writes", "Dana")).sentAt(now.minus(Duration.ofMinutes(40)))
                .subject("").text("@acme your app crashed three times today and I lost my order. Thinking of posting the screenshots everywhere.")
                .attribute(InboundMessage.FOLLOWERS, 48_000L).raw(raw("x:demo-x-1", "@acme your app crashed")).build());
        List<InboundMessage> phone = List.of(InboundMessage.builder("demo-call-1")
                .sender(SenderIdentity.phone("+40721000111", "Mihai")).sentAt(now.minus(Duration.ofMinutes(70)))
                .subject("Call from +40721000111").text("Caller says the router reboots every hour since the firmware update; "
                        + "he needs it for work and wants a technician.")
                .raw(raw("cdr:demo-call-1", "call")).build());
        store("demo-email", "email", email);
        store("demo-social", "social", social);
        store("demo-phone", "phone-log", phone);

        Map<String, String> passwords = new LinkedHashMap<>();
        Map<String, Users.User> staff = new LinkedHashMap<>();
        Users users = desk.users();
        for (String[] u : new String[][] {{"ana", "Ana Agent", "AGENT", "front-desk"}, {"sam", "Sam Senior", "SENIOR", "front-desk"},
                {"sue", "Sue Supervisor", "SUPERVISOR", "front-desk"}, {"eve", "Eve Executive", "EXECUTIVE", null},
                {"adam", "Adam Admin", "ADMIN", null}}) {
            String password = Users.randomPassword();
            staff.put(u[0], users.add(u[0], u[1], Role.valueOf(u[2]), u[3], password));
            passwords.put(u[0] + " (" + u[2].toLowerCase() + ")", password);
        }

        Actor ana = Actor.agent("ana");
        long first = 1000;
        // a reply that passes the guard and promises a call back, and a promise already broken yesterday
        long version = desk.complaints().require(first + 2).complaint().version();
        desk.replies().reply(first + 2, version, ana, "Ольга, мне очень жаль, что посылка задерживается. Я проверю статус доставки "
                + "и перезвоню вам завтра до 12:00.", Optional.empty(), Optional.empty());
        // a customer who phoned and left only a number: the answer is given on the phone, so it counts at once
        Complaints.Loaded phoned = desk.walkIns().take(new WalkIns.Taken("phone", "Radu", Optional.empty(), Optional.of("+40744000333"),
                Optional.of("Bill higher than the contract"), "Radu says his November bill is 20 lei higher than his contract "
                + "and wants it corrected.", "{\"demo\": true}"), staff.get("ana"));
        desk.replies().reply(phoned.complaint().number().value(), phoned.complaint().version(), ana, "I have corrected your "
                + "November bill to the contract price; the new invoice reaches you by tomorrow 12:00.",
                Optional.of(now.plus(Duration.ofHours(20))), Optional.empty());
        desk.promises().add(new Complaint.Number(first + 1), "ana", "I will call you back within the hour", now.minus(Duration.ofMinutes(40)),
                now.plus(Duration.ofMinutes(20)), Promise.Source.REPLY);
        desk.promises().add(new Complaint.Number(first), "ana", "The refund will be on your card by tomorrow", now.minus(Duration.ofHours(25)),
                now.minus(Duration.ofHours(1)), Promise.Source.REPLY);
        run("promises", now);
        run("bursts", now);
        // the supervisor has declared the outage the desk proposed, and its customers were told the ETA
        for (IncidentBook.Stored s : desk.incidents().list()) {
            if (s.proposed()) {
                desk.incidents().declare(s.incident().id().value(), "Internet outage in Cluj", Optional.empty(), null,
                        now.plus(Duration.ofHours(3)), new Actor("sue", Role.SUPERVISOR), List.of());
            }
        }
        String currency = desk.casework().currency();
        desk.casework().proposeRemedy(first, RemedyKind.REFUND, Money.of("49.90", currency), Money.of("149.90", currency), ana,
                "double charge, and a goodwill credit for the trouble");
        return passwords;
    }

    private void store(String instance, String plugin, List<InboundMessage> messages) {
        desk.intake(plugin, false).store(instance, new Batch(List.<Inbound>copyOf(messages), Checkpoint.of("demo"), false));
    }

    /** Runs one of the desk's own jobs now, as the scheduler would. */
    private void run(String job, Instant now) {
        for (Job j : desk.jobs()) {
            if (j.name().equals(job)) {
                j.run(now);
            }
        }
    }

    private static InboundMessage mail(String address, String name, String subject, Instant at, String text) {
        String id = "demo-" + address.replace('@', '.') + "@redress.demo";
        return InboundMessage.builder(id).sender(SenderIdentity.email(address, name)).sentAt(at).subject(subject)
                .text(text).raw(raw("demo:" + id, text)).build();
    }

    private static RawSource raw(String location, String text) {
        return new RawSource(location, "text/plain", text.getBytes(StandardCharsets.UTF_8));
    }
}
