package org.redress.channel.email;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.testkit.ChannelContract;
import org.redress.core.channel.testkit.Scenario;

/** The contract kit over an mbox file. */
class MboxChannelContractTest extends ChannelContract {

    @Override
    protected ChannelPlugin plugin() {
        return new EmailChannelPlugin();
    }

    @Override
    protected Map<String, String> prepare(Scenario scenario, Path dir) throws Exception {
        Path mbox = dir.resolve("mail.mbox");
        Files.write(mbox, Mails.mbox(Mails.scenario(scenario)));
        return Map.of(EmailChannelPlugin.SOURCE, "mbox", EmailChannelPlugin.PATH, mbox.toString());
    }

    @Override
    protected java.util.Optional<ReplyTarget> replyTarget(Path dir) {
        return SmtpReplyTarget.in(dir);
    }
}
