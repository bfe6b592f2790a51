package org.redress.channel.email;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.testkit.ChannelContract;
import org.redress.core.channel.testkit.Scenario;

class EmailChannelContractTest extends ChannelContract {

    @Override
    protected ChannelPlugin plugin() {
        return new EmailChannelPlugin();
    }

    @Override
    protected Map<String, String> prepare(Scenario scenario, Path dir) throws Exception {
        java.util.List<byte[]> mails = Mails.scenario(scenario);
        for (int i = 0; i < mails.size(); i++) {
            Files.write(dir.resolve(String.format("%03d.eml", i + 1)), mails.get(i));
        }
        if (scenario == Scenario.GARBAGE) {
            Files.write(dir.resolve("002b.eml"), new byte[0]); // an empty file is garbage too
        }
        // the files are complete before the read, so the contract runs without the settling wait (EmlSettleTest has it)
        return Map.of(EmailChannelPlugin.PATH, dir.toString(), EmailChannelPlugin.SETTLE, "PT0S");
    }

    @Override
    protected java.util.Optional<ReplyTarget> replyTarget(Path dir) {
        return SmtpReplyTarget.in(dir);
    }
}
