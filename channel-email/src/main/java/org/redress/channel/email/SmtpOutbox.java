package org.redress.channel.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;
import org.redress.core.channel.DeliveryResult;
import org.redress.core.channel.OutboundReply;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.SenderIdentity;

/**
 * Replies out by SMTP. Each mail threads where the customer's client expects it ({@code In-Reply-To},
 * {@code References}, the subject tag {@code [#N]}), carries a signed Message-ID and the same reference as a
 * body marker, and goes as plain text with an HTML alternative. The desk's automatic messages
 * (acknowledgements) also carry {@code Auto-Submitted: auto-replied} and {@code X-Auto-Response-Suppress},
 * are limited per recipient, and are never sent to no-reply, mailer-daemon and similar machine addresses.
 * Every message carries the loop header, so the desk knows its own mail when it comes back.
 *
 * <p>Sending is idempotent on the reply id within this instance: the Message-ID is derived from the reply id,
 * and an id already sent is answered with the same result without sending again. Across restarts the desk
 * keeps what it delivered.
 */
final class SmtpOutbox implements AutoCloseable {

    /** Addresses a machine reads, or nobody: automatic messages never go there (Zammad's list, widened). */
    static final Pattern NO_AUTOMATIC_MAIL = Pattern.compile(
            "^(?:mailer-daemon|postmaster|abuse|root|daemon|bounces?|noreply|no[-_.]?reply|do[-_.]?not[-_.]?reply|"
                    + "donotreply|notifications?|auto[-_.]?reply|listserv|majordomo)(?:[-+_.][^@]*)?@.+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("\\[#(\\d{1,18})\\]");

    private final MailServer server;
    private final InternetAddress from;
    private final MessageIds messageIds;
    private final String instance;
    private final int automaticLimit;
    private final Duration automaticWindow;
    private final Clock clock;
    private final Session session;
    private final Map<String, DeliveryResult.Delivered> sent = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DeliveryResult.Delivered> eldest) {
            return size() > 100_000;
        }
    };
    private final Map<String, Deque<Instant>> automaticByRecipient = new HashMap<>();
    /** Where sent replies are filed and looked for before sending again; null without one. */
    private SentFolder sentFolder;
    /** What happens between the SMTP server's acceptance and the filing; tests stop the process there. */
    Runnable afterAcceptance = () -> { };

    /** Files every reply in {@code folder} and looks there before sending, so a crash does not send twice. */
    SmtpOutbox withSentFolder(SentFolder folder) {
        this.sentFolder = folder;
        return this;
    }

    SmtpOutbox(MailServer server, InternetAddress from, MessageIds messageIds, String instance, int automaticLimit,
               Duration automaticWindow, Clock clock) {
        this.server = server;
        this.from = from;
        this.messageIds = messageIds;
        this.instance = instance;
        this.automaticLimit = automaticLimit;
        this.automaticWindow = automaticWindow;
        this.clock = clock;
        this.session = server.session();
    }

    synchronized DeliveryResult deliver(OutboundReply reply) {
        DeliveryResult.Delivered done = sent.get(reply.replyId());
        if (done != null) {
            return done;
        }
        if (reply.recipient().kind() != SenderIdentity.Kind.EMAIL) {
            return new DeliveryResult.Failed("the email channel sends only to email addresses, not to "
                    + reply.recipient().kind() + " " + reply.recipient().value(), false);
        }
        String to = reply.recipient().value();
        if (reply.automatic()) {
            if (NO_AUTOMATIC_MAIL.matcher(to).matches()) {
                return new DeliveryResult.Failed("no automatic message to " + to + ": a machine's or nobody's address", false);
            }
            Deque<Instant> recent = automaticByRecipient.computeIfAbsent(to, k -> new ArrayDeque<>());
            Instant now = clock.instant();
            while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(automaticWindow))) {
                recent.removeFirst();
            }
            if (recent.size() >= automaticLimit) {
                return new DeliveryResult.Failed("no automatic message to " + to + ": already " + recent.size()
                        + " in the last " + automaticWindow.toMinutes() + " minutes (a mail loop?)", false);
            }
        }
        try {
            MimeMessage message = compose(reply);
            String id = MailParser.messageIds(message.getMessageID()).get(0);
            if (sentFolder != null && alreadySent(id)) {
                // accepted before a crash cut the desk short of recording it: recorded now, not sent again
                DeliveryResult.Delivered delivered = new DeliveryResult.Delivered(id);
                sent.put(reply.replyId(), delivered);
                return delivered;
            }
            try (Transport transport = server.transport(session)) {
                transport.sendMessage(message, message.getAllRecipients());
            }
            afterAcceptance.run();
            if (sentFolder != null) {
                try {
                    sentFolder.file(message);
                } catch (MessagingException | ChannelException e) {
                    // sent all the same: only a crash before the desk records it could now send it again
                    System.getLogger(SmtpOutbox.class.getName()).log(System.Logger.Level.WARNING,
                            "reply " + reply.replyId() + " was sent but not filed in the Sent folder: " + e.getMessage());
                }
            }
            if (reply.automatic()) {
                automaticByRecipient.get(to).addLast(clock.instant());
            }
            DeliveryResult.Delivered delivered = new DeliveryResult.Delivered(MailParser.messageIds(message.getMessageID()).get(0));
            sent.put(reply.replyId(), delivered);
            return delivered;
        } catch (AuthenticationFailedException e) {
            return new DeliveryResult.Failed(server.explain(e).getMessage(), false);
        } catch (SendFailedException e) {
            boolean invalid = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
            return new DeliveryResult.Failed(server.where() + " refused the mail to " + to + ": " + e.getMessage(), !invalid);
        } catch (jakarta.mail.internet.AddressException e) {
            // a malformed address stays malformed: failed for good, never retried on every poll
            return new DeliveryResult.Failed("not a mail address the desk can send to: " + e.getMessage(), false);
        } catch (MessagingException | UnsupportedEncodingException e) {
            return new DeliveryResult.Failed(e instanceof MessagingException me ? server.explain(me).getMessage()
                    : e.getMessage(), true);
        }
    }

    private boolean alreadySent(String messageId) {
        try {
            return sentFolder.holds(messageId);
        } catch (MessagingException | ChannelException e) {
            // cannot tell: sending is the lesser harm than never answering
            return false;
        }
    }

    @Override
    public void close() {
        if (sentFolder != null) {
            sentFolder.close();
        }
    }

    /** The mail for a reply; public for the tests that read its headers back. */
    MimeMessage compose(OutboundReply reply) throws MessagingException, UnsupportedEncodingException {
        String subject = reply.subject().isBlank() ? "Your complaint" : reply.subject();
        // the desk puts its own tag last; a customer's subject may carry another desk's tag before it
        Matcher tag = TAG.matcher(subject);
        long complaint = 0;
        while (tag.find()) {
            complaint = Long.parseLong(tag.group(1));
        }
        String messageId = messageIds.create(complaint, reply.replyId());
        String marker = messageIds.markerFor(messageId);

        MimeMessage message = new FixedIdMessage(session, "<" + messageId + ">");
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(reply.recipient().value(),
                reply.recipient().displayName().isBlank() ? null : reply.recipient().displayName(), "UTF-8"));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        if (!reply.inReplyTo().isEmpty()) {
            message.setHeader("In-Reply-To", "<" + reply.inReplyTo().get(0) + ">");
            List<String> chain = new ArrayList<>(reply.inReplyTo());
            java.util.Collections.reverse(chain); // References run from the oldest to the nearest
            message.setHeader("References", String.join(" ", chain.stream().map(id -> "<" + id + ">").toList()));
        }
        message.setHeader(MachineMail.LOOP_HEADER, instance);
        if (reply.automatic()) {
            message.setHeader("Auto-Submitted", "auto-replied");
            message.setHeader("X-Auto-Response-Suppress", "All");
            message.setHeader("Precedence", "auto_reply");
        }
        String text = reply.text().strip() + "\n\n" + marker + "\n";
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(html(reply.text().strip(), marker), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    /** The reply as HTML: escaped, paragraphs and line breaks kept, the marker small and grey at the end. */
    static String html(String text, String marker) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>");
        for (String paragraph : text.split("\\n\\s*\\n")) {
            out.append("<p>").append(Entities.escape(paragraph.strip()).replace("\n", "<br>\n")).append("</p>\n");
        }
        out.append("<p style=\"color:#888;font-size:small\">").append(Entities.escape(marker)).append("</p>");
        return out.append("</body></html>").toString();
    }


    /** A message whose Message-ID is ours, not the one Angus would make up in saveChanges. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
