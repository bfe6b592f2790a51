package org.redress.channel.social;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.testkit.ChannelContract;
import org.redress.core.channel.testkit.Scenario;

/** The contract over X v1.1 exports; {@link MastodonExportTest} covers Mastodon's shapes. */
class SocialChannelContractTest extends ChannelContract {

    @Override
    protected ChannelPlugin plugin() {
        return new SocialChannelPlugin();
    }

    @Override
    protected Map<String, String> prepare(Scenario scenario, Path dir) throws Exception {
        String json = switch (scenario) {
            case ORDINARY -> "[" + Posts.x("1003", "ana_pop", "Ana Pop", 120, "@acme_support my parcel is lost, order 5512", null)
                    + "," + Posts.x("1001", "ion_v", "Ion", 15000, "@acme_support billed twice this month!!!", null)
                    + "," + Posts.x("1002", "bob", "Bob", 3, "@acme_support internet down again", null) + "]";
            case GARBAGE -> "[" + Posts.x("2001", "ana_pop", "Ana", 1, "@acme_support hello", null)
                    + ",{\"text\":\"a status with no id\"}"
                    + ",{\"id_str\":\"2002\",\"text\":\"no user and no date\"}"
                    + "," + Posts.x("2003", "bob", "Bob", 1, "@acme_support still here", null) + "]";
            case AUTOMATED -> "[" + Posts.x("3001", "ana_pop", "Ana", 1, "@acme_support where is my refund?", null)
                    + "," + Posts.x("3002", "acme_support", "ACME Support", 9000, "@ana_pop we are on it", "3001") + "]";
            case FOLLOW_UP -> "[" + Posts.x("4001", "ana_pop", "Ana", 1, "@acme_support kettle leaks", null)
                    + "," + Posts.x("4005", "ana_pop", "Ana", 1, "@acme_support here is a photo", "4001") + "]";
        };
        Path file = dir.resolve("mentions.json");
        Files.writeString(file, json);
        return Map.of(SocialChannelPlugin.FILE, file.toString(), SocialChannelPlugin.OWN_HANDLE, "acme_support");
    }

    @Override
    protected java.util.Optional<ReplyTarget> replyTarget(java.nio.file.Path dir) throws java.io.IOException {
        return MastodonReplyTarget.in(dir);
    }
}
