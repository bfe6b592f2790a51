package org.redress.channel.email;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.testkit.ChannelContract;
import org.redress.core.channel.testkit.Scenario;

/**
 * The contract kit over a real IMAP mailbox (GreenMail), committed messages marked seen: the source state the
 * kit compares is every message's UID and flags, so a read that marked anything would be caught.
 */
class ImapChannelContractTest extends ChannelContract {

    static GreenMail greenMail;
    static int users;

    @BeforeAll
    static void start() {
        greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        greenMail.start();
    }

    @AfterAll
    static void stop() {
        greenMail.stop();
    }

    @Override
    protected ChannelPlugin plugin() {
        return new EmailChannelPlugin();
    }

    @Override
    protected Map<String, String> prepare(Scenario scenario, Path dir) throws Exception {
        String login = "desk" + (++users);
        GreenMailUser user = greenMail.setUser(login + "@desk.example", login, "secret");
        Session session = Session.getInstance(new Properties());
        for (byte[] raw : Mails.scenario(scenario)) {
            user.deliver(new MimeMessage(session, new ByteArrayInputStream(raw)));
        }
        // the kit's state check reads the folder it is given: remember whose mailbox it stands for
        java.nio.file.Files.writeString(dir.resolve("login"), login);
        return Map.of("source", "imap", "host", "127.0.0.1", "port", String.valueOf(greenMail.getImap().getPort()),
                "security", "none", "username", login, "password", "secret", "after-commit", "seen");
    }

    @Override
    protected String sourceState(Path dir) throws Exception {
        String login = java.nio.file.Files.readString(dir.resolve("login"));
        GreenMailUser user = greenMail.getUserManager().getUser(login);
        StringBuilder state = new StringBuilder();
        for (StoredMessage m : greenMail.getManagers().getImapHostManager().getInbox(user).getMessages()) {
            state.append(m.getUid()).append(m.getFlags()).append(';');
        }
        return state.toString();
    }

    @Override
    protected java.util.Optional<ReplyTarget> replyTarget(Path dir) {
        return SmtpReplyTarget.in(dir);
    }
}
