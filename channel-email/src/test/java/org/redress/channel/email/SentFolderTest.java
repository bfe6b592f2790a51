package org.redress.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.core.channel.ReplyingChannel;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelSettings;
import org.redress.core.channel.DeliveryResult;
import org.redress.core.channel.OutboundReply;
import org.redress.core.channel.SenderIdentity;
import org.redress.core.channel.Visibility;

/**
 * No double mail after a crash (#18): every reply is filed in the mailbox's Sent folder, and a restarted desk that
 * finds the reply there (by its Message-ID, the same on every attempt) records it as sent instead of sending it again.
 * A "restart" here is a new channel instance, which remembers nothing in memory, as a new process would not; the
 * crash is stopped at the two moments that matter, and the customer's mailbox is counted.
 */
class SentFolderTest {

    GreenMail greenMail;
    GreenMailUser ana;

    @BeforeEach
    void start() {
        greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        greenMail.start();
        greenMail.setUser("support@desk.example", "support", "secret");
        ana = greenMail.setUser("ana@customer.example", "ana", "ana-pass");
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    Channel open() throws Exception {
        Map<String, String> s = new HashMap<>();
        s.put("source", "imap");
        s.put("host", "127.0.0.1");
        s.put("port", String.valueOf(greenMail.getImap().getPort()));
        s.put("security", "none");
        s.put("username", "support");
        s.put("password", "secret");
        s.put("smtp-host", "127.0.0.1");
        s.put("smtp-port", String.valueOf(greenMail.getSmtp().getPort()));
        s.put("smtp-security", "none");
        s.put("from-address", "support@desk.example");
        s.put("message-id-secret", "sent-folder-secret");
        s.put("sent-folder", "Sent");
        s.put("timeout", "PT10S");
        EmailChannelPlugin plugin = new EmailChannelPlugin();
        return plugin.open(ChannelSettings.validate(plugin.descriptor(), s), new ChannelContext("support-mail", Clock.systemUTC()));
    }

    static OutboundReply reply(String id) {
        return new OutboundReply(id, SenderIdentity.email("ana@customer.example", "Ana"), "Your complaint [#1042]",
                "We have refunded the second charge; it reaches your card within three days.", List.of(), Visibility.PRIVATE, false);
    }

    /** The mails in the customer's inbox. */
    int received() throws Exception {
        Store store = greenMail.getImap().createStore();
        store.connect("ana", "ana-pass");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int n = inbox.getMessageCount();
            inbox.close(false);
            return n;
        } finally {
            store.close();
        }
    }

    int filed() throws Exception {
        Store store = greenMail.getImap().createStore();
        store.connect("support", "secret");
        try {
            Folder sent = store.getFolder("Sent");
            if (!sent.exists()) {
                return 0;
            }
            sent.open(Folder.READ_ONLY);
            Message[] all = sent.getMessages();
            int n = all.length;
            for (Message m : all) {
                assertThat(m.getFlags().contains(jakarta.mail.Flags.Flag.SEEN)).isTrue();
            }
            sent.close(false);
            return n;
        } finally {
            store.close();
        }
    }

    @Test
    void a_reply_is_filed_in_sent_and_a_restarted_desk_does_not_send_it_again() throws Exception {
        try (Channel first = open()) {
            assertThat(((ReplyingChannel) first).deliver(reply("r-1"))).isInstanceOf(DeliveryResult.Delivered.class);
        }
        assertThat(received()).isEqualTo(1);
        assertThat(filed()).isEqualTo(1);
        // the desk died before it recorded the delivery: the restarted desk is asked to send it again
        try (Channel restarted = open()) {
            DeliveryResult again = ((ReplyingChannel) restarted).deliver(reply("r-1"));
            assertThat(again).isInstanceOf(DeliveryResult.Delivered.class);
        }
        assertThat(received()).as("found in Sent: not sent twice").isEqualTo(1);
        assertThat(filed()).isEqualTo(1);
        // another reply is another Message-ID: sent
        try (Channel restarted = open()) {
            ((ReplyingChannel) restarted).deliver(reply("r-2"));
        }
        assertThat(received()).isEqualTo(2);
    }

    /** The window that remains, measured: a crash after the SMTP server accepted the reply and before it was filed. */
    @Test
    void a_crash_between_acceptance_and_filing_sends_once_more_and_only_then() throws Exception {
        try (Channel first = open()) {
            ((MailChannel) first).outbox().orElseThrow().afterAcceptance = () -> {
                throw new IllegalStateException("killed after the SMTP server accepted the reply");
            };
            try {
                ((ReplyingChannel) first).deliver(reply("r-9"));
            } catch (IllegalStateException e) {
                // the process is gone here
            }
        }
        assertThat(received()).isEqualTo(1);
        assertThat(filed()).isZero();
        try (Channel restarted = open()) {
            ((ReplyingChannel) restarted).deliver(reply("r-9"));
        }
        assertThat(received()).as("the window: accepted but not filed is sent once more").isEqualTo(2);
        assertThat(filed()).isEqualTo(1);
        try (Channel again = open()) {
            ((ReplyingChannel) again).deliver(reply("r-9"));
        }
        assertThat(received()).as("and never a third time").isEqualTo(2);
    }
}
