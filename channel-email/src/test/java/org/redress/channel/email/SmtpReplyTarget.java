package org.redress.channel.email;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redress.core.channel.OutboundReply;
import org.redress.core.channel.SenderIdentity;
import org.redress.core.channel.Visibility;
import org.redress.core.channel.testkit.ChannelContract;

/**
 * The contract kit's reply target for the email plugin: a real SMTP server (GreenMail) that the instance answers
 * through, reading an empty .eml folder; what arrived is the mail the server received.
 */
final class SmtpReplyTarget implements ChannelContract.ReplyTarget {

    private final GreenMail smtp;
    private final Path folder;

    private SmtpReplyTarget(Path folder) {
        this.folder = folder;
        this.smtp = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP}));
        smtp.start();
    }

    static Optional<ChannelContract.ReplyTarget> in(Path dir) {
        return Optional.of(new SmtpReplyTarget(dir));
    }

    @Override
    public Map<String, String> settings() {
        return Map.of(EmailChannelPlugin.PATH, folder.toString(), EmailChannelPlugin.SETTLE, "PT0S",
                EmailChannelPlugin.SMTP_HOST, "127.0.0.1", "smtp-port", String.valueOf(smtp.getSmtp().getPort()),
                "smtp-security", "none", EmailChannelPlugin.FROM_ADDRESS, "support@desk.example",
                EmailChannelPlugin.MESSAGE_ID_SECRET, "contract-kit-secret-7f3a9c2e41d8b605");
    }

    @Override
    public OutboundReply reply(String replyId) {
        return new OutboundReply(replyId, SenderIdentity.email("ana@customer.example", "Ana Pop"), "Re: Parcel never arrived [#1042]",
                "Dear Ana, the parcel left our depot today; you will have it by Friday.", List.of(), Visibility.PRIVATE, false);
    }

    @Override
    public int arrived() {
        return smtp.getReceivedMessages().length;
    }

    @Override
    public void close() {
        smtp.stop();
    }
}
