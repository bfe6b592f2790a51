package org.redress.channel.social;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.testkit.ChannelContract;
import org.redress.core.channel.testkit.Scenario;

/** The contract over a live Mastodon account: a stub instance on 127.0.0.1 per scenario. */
class MastodonApiContractTest extends ChannelContract {

    private final List<StubServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(StubServer::close);
    }

    @Override
    protected ChannelPlugin plugin() {
        return new SocialChannelPlugin();
    }

    static String mention(String id, String statusJson) {
        return "{\"id\":\"" + id + "\",\"type\":\"mention\",\"status\":" + statusJson + "}";
    }

    @Override
    protected Map<String, String> prepare(Scenario scenario, Path dir) throws Exception {
        String body = switch (scenario) {
            case ORDINARY -> "[" + mention("12", Posts.mastodon("112", "ion@x.example", "<p>invoice wrong</p>", "public", null, false))
                    + "," + mention("11", Posts.mastodon("111", "bob@y.example", "<p>no internet</p>", "direct", null, false))
                    + "," + mention("10", Posts.mastodon("110", "ann@z.example", "<p>order late</p>", "public", null, false)) + "]";
            case GARBAGE -> "[" + mention("22", Posts.mastodon("122", "ann@z.example", "<p>still here</p>", "public", null, false))
                    + ",{\"type\":\"mention\",\"status\":{}}"
                    + "," + mention("21", "{\"id\":\"121\",\"content\":\"no account\"}")
                    + "," + mention("20", Posts.mastodon("120", "ann@z.example", "<p>hello</p>", "public", null, false)) + "]";
            case AUTOMATED -> "[" + mention("31", Posts.mastodon("131", "robot@bots.example", "<p>beep</p>", "public", null, true))
                    + "," + mention("30", Posts.mastodon("130", "ann@z.example", "<p>refund?</p>", "public", null, false)) + "]";
            case FOLLOW_UP -> "[" + mention("41", Posts.mastodon("141", "ann@z.example", "<p>photo attached</p>", "public", "140", false))
                    + "," + mention("40", Posts.mastodon("140", "ann@z.example", "<p>kettle leaks</p>", "public", null, false)) + "]";
        };
        StubServer server = new StubServer().on("GET", "/api/v1/notifications", r -> {
            if (r.query() == null || !r.query().contains("since_id=")) {
                return StubServer.Response.ok(body);
            }
            // like Mastodon: only notifications newer than since_id
            long since = Long.parseLong(r.query().replaceFirst(".*since_id=(\\d+).*", "$1"));
            StringBuilder newer = new StringBuilder("[");
            for (String part : body.substring(1, body.length() - 1).split(",(?=\\{\"id\":\"\\d+\",\"type\")")) {
                String id = part.replaceFirst("^\\{\"id\":\"(\\d+)\".*", "$1");
                if (id.matches("\\d+") && Long.parseLong(id) > since) {
                    newer.append(newer.length() > 1 ? "," : "").append(part);
                }
            }
            return StubServer.Response.ok(newer.append("]").toString());
        });
        servers.add(server);
        return Map.of(SocialChannelPlugin.NETWORK, "mastodon", SocialChannelPlugin.BASE_URL, server.base(),
                SocialChannelPlugin.ACCESS_TOKEN, "token", SocialChannelPlugin.OWN_HANDLE, "acme");
    }

    @Override
    protected java.util.Optional<ReplyTarget> replyTarget(java.nio.file.Path dir) throws java.io.IOException {
        return MastodonReplyTarget.in(dir);
    }
}
