package org.redress.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.redress.core.channel.Automation;
import org.redress.core.channel.Automation.Kind;

/**
 * Tells machine mail from a person's, from its headers (RFC 3834 {@code Auto-Submitted}, vendor
 * auto-responder headers, {@code Precedence}, list headers, {@code multipart/report}, a null sender, our
 * own loop header). Checks run from the most specific evidence to the least.
 */
final class MachineMail {

    /** The header the desk puts on everything it sends, so that its own mail coming back is recognised. */
    static final String LOOP_HEADER = "X-Redress-Loop";

    private static final Pattern OUT_OF_OFFICE = Pattern.compile(
            "out of (the )?office|automatic reply|auto(matic)?[- ]?reply|abwesenheit|absence|"
                    + "r[ée]ponse automatique|autorespond|vacation|concediu|отпуск|автоответ|puhkusel|tôi đang vắng",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern AUTO_SUBJECT = Pattern.compile(
            "^\\s*(?:auto(?:matic)?[ -]?reply|autoreply|auto-response|out of (?:the )?office|abwesenheit\\w*|"
                    + "r[ée]ponse automatique|automatische antwort|raspuns automat|răspuns automat|автоответ)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Set<String> BOUNCE_SENDERS = Set.of("mailer-daemon", "postmaster", "mail-daemon");

    private final Set<String> ownAddresses;

    MachineMail(List<String> ownAddresses) {
        this.ownAddresses = ownAddresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /**
     * The two decisions about a message: whether a machine sent it (then it creates no complaint and gets no
     * automatic answer), and whether a person's message must still get no automatic answer (relayed by a
     * list, or its sender asked for none).
     */
    record Verdict(Optional<Automation> automation, boolean noAutomaticAnswer) {
    }

    Verdict classify(MimeMessage message, Optional<InternetAddress> from, String subject, boolean deliveryStatus,
                     boolean ownSignedId) throws MessagingException {
        Optional<Automation> automation = automation(message, from, subject, deliveryStatus, ownSignedId);
        if (automation.isPresent()) {
            return new Verdict(automation, true);
        }
        String suppress = Optional.ofNullable(header(message, "X-Auto-Response-Suppress")).orElse("").toLowerCase(Locale.ROOT);
        boolean noAnswer = suppress.contains("all") || suppress.contains("autoreply") || header(message, "X-Loop") != null;
        return new Verdict(Optional.empty(), noAnswer);
    }

    private Optional<Automation> automation(MimeMessage message, Optional<InternetAddress> from, String subject,
                                            boolean deliveryStatus, boolean ownSignedId) throws MessagingException {
        if (ownSignedId) {
            return of(Kind.OWN_ECHO, "its Message-ID is one the desk signed: the desk's own mail came back");
        }
        if (header(message, LOOP_HEADER) != null) {
            return of(Kind.OWN_ECHO, LOOP_HEADER + " header: the desk's own mail came back");
        }
        if (from.isPresent() && ownAddresses.contains(from.get().getAddress().toLowerCase(Locale.ROOT))) {
            return of(Kind.OWN_ECHO, "From " + from.get().getAddress() + " is one of the desk's own addresses");
        }
        String contentType = Optional.ofNullable(header(message, "Content-Type")).orElse("").toLowerCase(Locale.ROOT);
        if (contentType.startsWith("multipart/report") && contentType.contains("feedback-report")) {
            return of(Kind.BOT, "Content-Type: multipart/report; report-type=feedback-report (an abuse report)");
        }
        if (contentType.startsWith("multipart/report") || deliveryStatus) {
            return of(Kind.BOUNCE, contentType.startsWith("multipart/report") ? "Content-Type: multipart/report"
                    : "a message/delivery-status part");
        }
        String failed = header(message, "X-Failed-Recipients");
        if (failed != null && failed.contains("@")) {
            return of(Kind.BOUNCE, "X-Failed-Recipients: " + failed.strip());
        }
        if (from.isPresent()) {
            String local = from.get().getAddress().toLowerCase(Locale.ROOT).replaceFirst("@.*", "");
            if (BOUNCE_SENDERS.contains(local)) {
                return of(Kind.BOUNCE, "sent by " + from.get().getAddress());
            }
        }
        String apple = header(message, "X-Apple-Action");
        if (apple != null && apple.toLowerCase(Locale.ROOT).contains("vacation")) {
            return of(Kind.OUT_OF_OFFICE, "X-Apple-Action: " + apple.strip());
        }
        String suppress = header(message, "X-Auto-Response-Suppress");
        if (suppress != null && header(message, "X-MS-Exchange-Inbox-Rules-Loop") != null) {
            return of(Kind.OUT_OF_OFFICE, "X-Auto-Response-Suppress with X-MS-Exchange-Inbox-Rules-Loop (Exchange)");
        }
        String autoSubmitted = header(message, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return OUT_OF_OFFICE.matcher(subject).find() || autoSubmitted.toLowerCase(Locale.ROOT).contains("vacation")
                    ? of(Kind.OUT_OF_OFFICE, "Auto-Submitted: " + autoSubmitted.strip() + ", subject '" + subject + "'")
                    : of(Kind.AUTO_REPLY, "Auto-Submitted: " + autoSubmitted.strip());
        }
        for (String vendor : List.of("X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-AutoReply-From",
                "X-Mail-Autoreply", "X-Autoresponse")) {
            String value = header(message, vendor);
            if (value != null) {
                return of(Kind.AUTO_REPLY, vendor + ": " + value.strip());
            }
        }
        String autogenerated = header(message, "X-Autogenerated");
        if (autogenerated != null && autogenerated.strip().equalsIgnoreCase("reply")) {
            return of(Kind.AUTO_REPLY, "X-Autogenerated: Reply");
        }
        if (suppress != null && OUT_OF_OFFICE.matcher(subject).find()) {
            return of(Kind.OUT_OF_OFFICE, "X-Auto-Response-Suppress with subject '" + subject + "'");
        }
        String precedence = header(message, "Precedence");
        if (precedence != null) {
            String p = precedence.strip().toLowerCase(Locale.ROOT);
            if (p.equals("auto_reply") || p.equals("auto-reply")) {
                return of(Kind.AUTO_REPLY, "Precedence: auto_reply");
            }
            if (p.equals("bulk") || p.equals("list") || p.equals("junk")) {
                return of(Kind.LIST, "Precedence: " + p);
            }
        }
        for (String list : List.of("List-Id", "List-Unsubscribe", "List-Post")) {
            if (header(message, list) != null) {
                return of(Kind.LIST, list + " header");
            }
        }
        // RFC 3834 asks auto-responders for Auto-Submitted, but many only say so in the subject
        if (AUTO_SUBJECT.matcher(subject).find()) {
            return OUT_OF_OFFICE.matcher(subject).find() && !subject.toLowerCase(Locale.ROOT).startsWith("auto")
                    ? of(Kind.OUT_OF_OFFICE, "subject '" + subject + "'")
                    : of(Kind.AUTO_REPLY, "subject '" + subject + "'");
        }
        String returnPath = header(message, "Return-Path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return of(Kind.BOUNCE, "null sender (Return-Path: <>)");
        }
        return Optional.empty();
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        return message.getHeader(name, ", ");
    }

    private static Optional<Automation> of(Kind kind, String reason) {
        return Optional.of(new Automation(kind, reason));
    }
}
