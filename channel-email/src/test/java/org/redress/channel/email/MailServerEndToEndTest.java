package org.redress.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.core.channel.ReplyingChannel;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.ChannelSettings;
import org.redress.core.channel.DeliveryResult;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.OutboundReply;
import org.redress.core.channel.SenderIdentity;
import org.redress.core.channel.Visibility;
import org.redress.core.channel.testkit.RecordingSink;
import org.redress.core.complaint.Complaint;
import org.redress.core.intake.IntakeRunner;
import org.redress.core.intake.Threading;

/**
 * The email channel against a real mail server (GreenMail: SMTP, IMAP and POP3 on loopback): a customer's
 * mail is polled and becomes a complaint, the desk's reply arrives in the customer's mailbox with the right
 * headers, the customer's answer threads back, a forged reference does not, a bounce attaches to the
 * complaint it is about; POP3, moving after commit, IDLE, and the errors a wrong configuration gives.
 */
class MailServerEndToEndTest {

    static final String SECRET = "test-secret-not-for-production";

    GreenMail greenMail;
    GreenMailUser desk;
    GreenMailUser ana;

    /** The desk's side, as small as the test needs: complaints by number, ids by complaint, participants. */
    final Map<String, Complaint.Number> complaintOfId = new HashMap<>();
    final Map<Complaint.Number, Set<String>> participants = new HashMap<>();
    final Threading threading = new Threading(new Threading.Conversations() {
        @Override
        public Optional<Complaint.Number> complaintOf(String externalId) {
            return Optional.ofNullable(complaintOfId.get(externalId));
        }

        @Override
        public boolean exists(Complaint.Number number) {
            return participants.containsKey(number);
        }

        @Override
        public boolean isParticipant(Complaint.Number number, SenderIdentity sender) {
            return participants.getOrDefault(number, Set.of()).contains(sender.value());
        }
    });

    @BeforeEach
    void startServer() {
        greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_POP3_IMAP));
        greenMail.start();
        desk = greenMail.setUser("support@desk.example", "support", "secret");
        ana = greenMail.setUser("ana@customer.example", "ana", "ana-pass");
        greenMail.setUser("mallory@evil.example", "mallory", "mallory-pass");
    }

    @AfterEach
    void stopServer() {
        greenMail.stop();
    }

    Map<String, String> imapSettings(String afterCommit) {
        Map<String, String> s = new HashMap<>();
        s.put("source", "imap");
        s.put("host", "127.0.0.1");
        s.put("port", String.valueOf(greenMail.getImap().getPort()));
        s.put("security", "none");
        s.put("username", "support");
        s.put("password", "secret");
        s.put("after-commit", afterCommit);
        s.put("smtp-host", "127.0.0.1");
        s.put("smtp-port", String.valueOf(greenMail.getSmtp().getPort()));
        s.put("smtp-security", "none");
        s.put("from-address", "support@desk.example");
        s.put("from-name", "Acme Support");
        s.put("message-id-secret", SECRET);
        s.put("timeout", "PT10S");
        return s;
    }

    Channel open(Map<String, String> raw) throws ChannelException {
        EmailChannelPlugin plugin = new EmailChannelPlugin();
        return plugin.open(ChannelSettings.validate(plugin.descriptor(), raw), new ChannelContext("support-mailbox", Clock.systemUTC()));
    }

    /** A customer's mail client sends through the server's SMTP. */
    void send(String raw) throws Exception {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", "127.0.0.1");
        props.setProperty("mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
        Session session = Session.getInstance(props);
        MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))) {
            @Override
            protected void updateMessageID() {
                // keep the Message-ID the test wrote
            }
        };
        Transport.send(m, m.getAllRecipients());
    }

    MailFolder inboxOf(GreenMailUser user) throws Exception {
        return greenMail.getManagers().getImapHostManager().getInbox(user);
    }

    List<InboundMessage> drain(Channel channel, RecordingSink store) throws Exception {
        int before = store.messages().size();
        new IntakeRunner(store, 10).drain("support-mailbox", channel);
        List<InboundMessage> all = store.messages();
        return all.subList(before, all.size());
    }

    /** What the desk does with each new message, so far as threading goes. */
    Threading.Decision file(InboundMessage m, long newNumber) {
        Threading.Decision d = threading.decide(m);
        Complaint.Number number = null;
        if (d instanceof Threading.NewComplaint) {
            number = new Complaint.Number(newNumber);
        } else if (d instanceof Threading.FollowUp f) {
            number = f.complaint();
        } else if (d instanceof Threading.SystemEntry s) {
            number = s.complaint();
        }
        if (number != null) {
            complaintOfId.put(m.externalId(), number);
            if (d instanceof Threading.NewComplaint) {
                participants.computeIfAbsent(number, k -> new HashSet<>()).add(m.sender().value());
            }
        }
        return d;
    }

    @Test
    void a_customers_mail_becomes_a_complaint_the_reply_reaches_her_and_her_answer_threads_back() throws Exception {
        send("Message-ID: <first@customer.example>\r\nFrom: Ana Pop <ana@customer.example>\r\nTo: support@desk.example\r\n"
                + "Subject: Parcel never arrived\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "My order 5512 was due on Monday and never came.\r\n");
        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        RecordingSink store = new RecordingSink();
        try (Channel channel = open(imapSettings("seen"))) {
            List<InboundMessage> first = drain(channel, store);
            assertThat(first).singleElement().satisfies(m -> {
                assertThat(m.externalId()).isEqualTo("first@customer.example");
                assertThat(m.sender().value()).isEqualTo("ana@customer.example");
                assertThat(m.text()).isEqualTo("My order 5512 was due on Monday and never came.");
                assertThat(m.automated()).isEmpty();
            });
            assertThat(file(first.get(0), 1042)).isInstanceOf(Threading.NewComplaint.class);
            assertThat(inboxOf(desk).getMessages()).as("marked seen only after the desk stored it")
                    .allSatisfy(s -> assertThat(s.isSet(Flags.Flag.SEEN)).isTrue());

            DeliveryResult result = ((ReplyingChannel) channel).deliver(new OutboundReply("reply-1", first.get(0).sender(),
                    "Re: Parcel never arrived [#1042]", "Dear Ana,\n\nwe are sorry. The parcel leaves today; you will have it by Friday.",
                    List.of("first@customer.example"), Visibility.PRIVATE, false));
            assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
            String replyId = ((DeliveryResult.Delivered) result).externalId();
            complaintOfId.put(replyId, new Complaint.Number(1042));
            assertThat(replyId).matches("redress\\.1042\\.[a-z0-9]+\\.[0-9a-f]{20}@desk\\.example");

            assertThat(greenMail.waitForIncomingEmail(5000, 2)).isTrue();
            MimeMessage got = greenMail.getReceivedMessagesForDomain("customer.example")[0];
            assertThat(got.getMessageID()).isEqualTo("<" + replyId + ">");
            assertThat(got.getHeader("In-Reply-To", null)).isEqualTo("<first@customer.example>");
            assertThat(got.getHeader("References", null)).isEqualTo("<first@customer.example>");
            assertThat(got.getSubject()).isEqualTo("Re: Parcel never arrived [#1042]");
            assertThat(((InternetAddress) got.getFrom()[0]).getPersonal()).isEqualTo("Acme Support");
            assertThat(got.getHeader(MachineMail.LOOP_HEADER, null)).isEqualTo("support-mailbox");
            assertThat(got.getHeader("Auto-Submitted")).as("a person's reply is not automatic").isNull();
            assertThat(got.isMimeType("multipart/alternative")).isTrue();
            Multipart parts = (Multipart) got.getContent();
            assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
            assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
            assertThat((String) parts.getBodyPart(0).getContent()).contains("we are sorry").contains("[ref:1042.");

            // sending the same reply again sends nothing
            assertThat(((ReplyingChannel) channel).deliver(new OutboundReply("reply-1", first.get(0).sender(), "Re: Parcel never arrived [#1042]",
                    "Dear Ana, ...", List.of("first@customer.example"), Visibility.PRIVATE, false))).isEqualTo(result);
            Thread.sleep(300);
            assertThat(greenMail.getReceivedMessagesForDomain("customer.example")).hasSize(1);

            // Ana answers from her mail client, quoting the reply
            send("Message-ID: <answer@customer.example>\r\nFrom: ana@customer.example\r\nTo: support@desk.example\r\n"
                    + "In-Reply-To: <" + replyId + ">\r\nReferences: <first@customer.example> <" + replyId + ">\r\n"
                    + "Subject: Re: Parcel never arrived [#1042]\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                    + "Friday is too late, I need it for a birthday on Thursday.\r\n\r\n"
                    + "On Tue, 24 Nov 2026 at 10:00, Acme Support <support@desk.example> wrote:\r\n"
                    + "> Dear Ana,\r\n> we are sorry.\r\n");
            assertThat(greenMail.waitForIncomingEmail(5000, 3)).isTrue();
            List<InboundMessage> second = drain(channel, store);
            assertThat(second).singleElement().satisfies(m -> {
                assertThat(m.threadReferences()).startsWith(replyId);
                assertThat(m.text()).isEqualTo("Friday is too late, I need it for a birthday on Thursday.");
                assertThat(m.attribute(InboundMessage.FULL_TEXT).orElse(null)).contains("> we are sorry.");
            });
            assertThat(file(second.get(0), 1043)).isEqualTo(new Threading.FollowUp(new Complaint.Number(1042),
                    "it names [#1042] and ana@customer.example takes part in it"));

            // Mallory forges a reference in the desk's format and names Ana's complaint: neither threads
            String forged = "redress.1042.abc.0123456789abcdef0123@desk.example";
            send("Message-ID: <forged@evil.example>\r\nFrom: mallory@evil.example\r\nTo: support@desk.example\r\n"
                    + "In-Reply-To: <" + forged + ">\r\nSubject: Re: [#1042] add me\r\nContent-Type: text/plain\r\n\r\nHello.\r\n");
            assertThat(greenMail.waitForIncomingEmail(5000, 4)).isTrue();
            InboundMessage mallory = drain(channel, store).get(0);
            assertThat(mallory.threadReferences()).doesNotContain(forged);
            assertThat(mallory.attribute(InboundMessage.FORGED_REFERENCE).orElse(null)).contains(forged);
            Threading.Decision d = file(mallory, 1044);
            assertThat(d).isInstanceOf(Threading.NewComplaint.class);
            assertThat(d.reason()).contains("takes no part");

            // a bounce of the reply comes back and attaches to Ana's complaint as a system entry
            send(Mails.bounce("bounce-1@mx.customer.example", replyId).replace("To: support@desk.example",
                    "To: support@desk.example"));
            assertThat(greenMail.waitForIncomingEmail(5000, 5)).isTrue();
            InboundMessage bounce = drain(channel, store).get(0);
            assertThat(bounce.threadReferences()).startsWith(replyId);
            assertThat(file(bounce, 1045)).isInstanceOf(Threading.SystemEntry.class)
                    .extracting(x -> ((Threading.SystemEntry) x).complaint()).isEqualTo(new Complaint.Number(1042));
        }
    }

    @Test
    void automatic_messages_are_marked_limited_and_never_sent_to_machines() throws Exception {
        try (Channel channel = open(imapSettings("keep"))) {
            SenderIdentity ana = SenderIdentity.email("ana@customer.example", "Ana");
            for (int i = 1; i <= 3; i++) {
                assertThat(((ReplyingChannel) channel).deliver(new OutboundReply("ack-" + i, ana, "We got your complaint [#" + (1000 + i) + "]",
                        "Thank you, we will answer by tomorrow noon.", List.of(), Visibility.PRIVATE, true)))
                        .isInstanceOf(DeliveryResult.Delivered.class);
            }
            DeliveryResult fourth = ((ReplyingChannel) channel).deliver(new OutboundReply("ack-4", ana, "We got your complaint [#1004]",
                    "Thank you.", List.of(), Visibility.PRIVATE, true));
            assertThat(fourth).isInstanceOf(DeliveryResult.Failed.class);
            assertThat(((DeliveryResult.Failed) fourth).reason()).contains("already 3");
            DeliveryResult noreply = ((ReplyingChannel) channel).deliver(new OutboundReply("ack-5", SenderIdentity.email("no-reply@shop.example", ""),
                    "We got your complaint", "Thank you.", List.of(), Visibility.PRIVATE, true));
            assertThat(((DeliveryResult.Failed) noreply).reason()).contains("machine");
            for (String malformed : List.of("bob@example.", "Bob <bob@example.com")) {
                DeliveryResult bad = ((ReplyingChannel) channel).deliver(new OutboundReply("ack-bad-" + malformed.length(), SenderIdentity.email(malformed, ""),
                        "We got your complaint", "Thank you.", List.of(), Visibility.PRIVATE, false));
                assertThat(bad).as(malformed).isInstanceOfSatisfying(DeliveryResult.Failed.class, f -> {
                    assertThat(f.retryable()).as("a malformed address is failed for good, not retried on every poll").isFalse();
                    assertThat(f.reason()).contains("not a mail address");
                });
            }
            assertThat(greenMail.waitForIncomingEmail(5000, 3)).isTrue();
            MimeMessage ack = greenMail.getReceivedMessagesForDomain("customer.example")[0];
            assertThat(ack.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
            assertThat(ack.getHeader("X-Auto-Response-Suppress", null)).isEqualTo("All");

            // our own acknowledgement, should it come back, is known as ours
            MailParser parser = new MailParser(new MachineMail(List.of("support@desk.example")),
                    Optional.of(new MessageIds(SECRET, "desk.example")), MailParser.Limits.DEFAULT);
            java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
            ack.writeTo(raw);
            InboundMessage echo = (InboundMessage) parser.parse(raw.toByteArray(), "echo", java.time.Instant.EPOCH);
            assertThat(echo.automated()).hasValueSatisfying(a -> assertThat(a.kind()).isEqualTo(
                    org.redress.core.channel.Automation.Kind.OWN_ECHO));
        }
    }

    @Test
    void pop3_reads_and_deletes_only_what_the_desk_stored() throws Exception {
        send(Mails.plain("p1@customer.example", "ana@customer.example", "Refund", "Where is my refund?"));
        send(Mails.plain("p2@customer.example", "ana@customer.example", "Refund again", "Still nothing."));
        assertThat(greenMail.waitForIncomingEmail(5000, 2)).isTrue();
        Map<String, String> s = new HashMap<>();
        s.put("source", "pop3");
        s.put("host", "127.0.0.1");
        s.put("port", String.valueOf(greenMail.getPop3().getPort()));
        s.put("security", "none");
        s.put("username", "support");
        s.put("password", "secret");
        s.put("after-commit", "delete");
        try (Channel channel = open(s)) {
            assertThat(channel.read(org.redress.core.channel.Checkpoint.START, 10).items()).hasSize(2);
            assertThat(inboxOf(desk).getMessages()).as("a read alone deletes nothing").hasSize(2);
            RecordingSink store = new RecordingSink();
            new IntakeRunner(store, 1).drain("pop", channel);
            assertThat(store.messages()).extracting(InboundMessage::externalId)
                    .containsExactly("p1@customer.example", "p2@customer.example");
        }
        assertThat(inboxOf(desk).getNonDeletedMessages()).as("deleted after commit").isEmpty();
    }

    @Test
    void imap_moves_stored_mail_to_the_processed_folder() throws Exception {
        send(Mails.plain("m1@customer.example", "ana@customer.example", "Broken kettle", "It leaks."));
        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        try (Channel channel = open(imapSettings("move"))) {
            new IntakeRunner(new RecordingSink(), 10).drain("support", channel);
        }
        assertThat(inboxOf(desk).getNonDeletedMessages()).isEmpty();
        MailFolder processed = greenMail.getManagers().getImapHostManager().getFolder(desk, "Processed");
        assertThat(processed.getMessages()).extracting(StoredMessage::getMimeMessage)
                .extracting(MimeMessage::getMessageID).containsExactly("<m1@customer.example>");
    }

    @Test
    void idle_returns_when_mail_arrives() throws Exception {
        try (Channel channel = open(imapSettings("keep"))) {
            assertThat(channel.awaitNew(Duration.ofMillis(500))).as("nothing arrived").isFalse();
            CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return channel.awaitNew(Duration.ofSeconds(20));
                } catch (ChannelException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500);
            send(Mails.plain("idle@customer.example", "ana@customer.example", "Hello", "Are you there?"));
            assertThat(waiting.get(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void a_wrong_configuration_says_what_to_fix() throws Exception {
        Map<String, String> wrongPassword = imapSettings("keep");
        wrongPassword.put("password", "wrong");
        assertThatThrownBy(() -> open(wrongPassword)).isInstanceOf(ChannelException.class)
                .hasMessageContaining("authentication failed for user 'support'").hasMessageContaining("password");

        Map<String, String> nobodyListening = imapSettings("keep");
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        nobodyListening.put("port", String.valueOf(closed));
        assertThatThrownBy(() -> open(nobodyListening)).isInstanceOf(ChannelException.class)
                .hasMessageContaining("cannot reach IMAP server 127.0.0.1:" + closed);

        Map<String, String> noFolder = imapSettings("keep");
        noFolder.put("folder", "Complaints");
        assertThatThrownBy(() -> open(noFolder)).isInstanceOf(ChannelException.class)
                .hasMessageContaining("no folder 'Complaints'").hasMessageContaining("INBOX");

        Map<String, String> noSecret = imapSettings("keep");
        noSecret.remove("message-id-secret");
        assertThatThrownBy(() -> open(noSecret)).isInstanceOf(ChannelException.class)
                .hasMessageContaining("message-id-secret");

        Map<String, String> badAfterCommit = new HashMap<>(Map.of("source", "pop3", "host", "127.0.0.1",
                "username", "support", "after-commit", "move"));
        assertThatThrownBy(() -> open(badAfterCommit)).isInstanceOf(ChannelException.class)
                .hasMessageContaining("after-commit").hasMessageContaining("keep or delete");
    }
}
