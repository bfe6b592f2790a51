package org.redress.channel.email;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.testkit.ChannelContract;
import org.redress.core.channel.testkit.Scenario;

/** The contract kit over a Maildir, committed messages marked seen (moved from new/ to cur/). */
class MaildirChannelContractTest extends ChannelContract {

    @Override
    protected ChannelPlugin plugin() {
        return new EmailChannelPlugin();
    }

    @Override
    protected Map<String, String> prepare(Scenario scenario, Path dir) throws Exception {
        for (String sub : List.of("new", "cur", "tmp")) {
            Files.createDirectories(dir.resolve(sub));
        }
        List<byte[]> mails = Mails.scenario(scenario);
        for (int i = 0; i < mails.size(); i++) {
            Files.write(dir.resolve("new").resolve((1764000000 + i) + ".M" + i + "P42.desk.example"), mails.get(i));
        }
        Files.writeString(dir.resolve("tmp").resolve("1764999999.unfinished.desk.example"), "From: half a deliv");
        return Map.of(EmailChannelPlugin.SOURCE, "maildir", EmailChannelPlugin.PATH, dir.toString(),
                EmailChannelPlugin.AFTER_COMMIT, "seen");
    }

    @Override
    protected java.util.Optional<ReplyTarget> replyTarget(Path dir) {
        return SmtpReplyTarget.in(dir);
    }
}
