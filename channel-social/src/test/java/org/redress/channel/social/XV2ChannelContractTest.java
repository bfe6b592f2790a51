package org.redress.channel.social;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.testkit.ChannelContract;
import org.redress.core.channel.testkit.Scenario;

/** The contract over X API v2 responses: posts with their authors in {@code includes.users}. */
class XV2ChannelContractTest extends ChannelContract {

    @Override
    protected ChannelPlugin plugin() {
        return new SocialChannelPlugin();
    }

    private static String document(String posts) {
        return "{\"data\":[" + posts + "],\"includes\":{\"users\":[" + Posts.xv2User("42", "ana_pop", "Ana Pop", 120) + ","
                + Posts.xv2User("43", "ion_v", "Ion", 15000) + "," + Posts.xv2User("44", "bob", "Bob", 3) + ","
                + Posts.xv2User("555", "acme_support", "ACME Support", 9000) + "]},\"meta\":{\"result_count\":3}}";
    }

    @Override
    protected Map<String, String> prepare(Scenario scenario, Path dir) throws Exception {
        String json = switch (scenario) {
            case ORDINARY -> document(Posts.xv2("1900000000000001003", "42", "@acme_support my parcel is lost, order 5512", null)
                    + "," + Posts.xv2("1900000000000001001", "43", "@acme_support billed twice this month!!!", null)
                    + "," + Posts.xv2("1900000000000001002", "44", "@acme_support internet down again", null));
            case GARBAGE -> document(Posts.xv2("1900000000000002001", "42", "@acme_support hello", null)
                    + ",{\"text\":\"a post with no id\",\"author_id\":\"42\"}"
                    + ",{\"id\":\"1900000000000002002\",\"author_id\":\"42\",\"created_at\":\"no text and a bad date\"}"
                    + "," + Posts.xv2("1900000000000002003", "44", "@acme_support still here", null));
            case AUTOMATED -> document(Posts.xv2("1900000000000003001", "42", "@acme_support where is my refund?", null)
                    + "," + Posts.xv2("1900000000000003002", "555", "@ana_pop we are on it", "1900000000000003001"));
            case FOLLOW_UP -> document(Posts.xv2("1900000000000004001", "42", "@acme_support kettle leaks", null)
                    + "," + Posts.xv2("1900000000000004005", "42", "@acme_support here is a photo", "1900000000000004001"));
        };
        Path file = dir.resolve("mentions-v2.json");
        Files.writeString(file, json);
        return Map.of(SocialChannelPlugin.FILE, file.toString(), SocialChannelPlugin.OWN_HANDLE, "acme_support");
    }

    @Override
    protected java.util.Optional<ReplyTarget> replyTarget(java.nio.file.Path dir) throws java.io.IOException {
        return MastodonReplyTarget.in(dir);
    }
}
