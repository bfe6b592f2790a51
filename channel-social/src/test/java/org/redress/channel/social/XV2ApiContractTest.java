package org.redress.channel.social;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.testkit.ChannelContract;
import org.redress.core.channel.testkit.Scenario;

/** The contract over a live X account on API v2: a stub on 127.0.0.1 per scenario that honours since_id as X does. */
class XV2ApiContractTest extends ChannelContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<StubServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(StubServer::close);
    }

    @Override
    protected ChannelPlugin plugin() {
        return new SocialChannelPlugin();
    }

    @Override
    protected Map<String, String> prepare(Scenario scenario, Path dir) throws Exception {
        // newest first, as X answers
        String posts = switch (scenario) {
            case ORDINARY -> Posts.xv2("1900000000000001003", "42", "@acme_support my parcel is lost, order 5512", null)
                    + "," + Posts.xv2("1900000000000001002", "44", "@acme_support internet down again", null)
                    + "," + Posts.xv2("1900000000000001001", "43", "@acme_support billed twice this month!!!", null);
            case GARBAGE -> Posts.xv2("1900000000000002003", "44", "@acme_support still here", null)
                    + ",{\"id\":\"1900000000000002002\",\"author_id\":\"42\",\"created_at\":\"no text and a bad date\"}"
                    + ",{\"text\":\"a post with no id\",\"author_id\":\"42\"}"
                    + "," + Posts.xv2("1900000000000002001", "42", "@acme_support hello", null);
            case AUTOMATED -> Posts.xv2("1900000000000003002", "555", "@ana_pop we are on it", "1900000000000003001")
                    + "," + Posts.xv2("1900000000000003001", "42", "@acme_support where is my refund?", null);
            case FOLLOW_UP -> Posts.xv2("1900000000000004005", "42", "@acme_support here is a photo", "1900000000000004001")
                    + "," + Posts.xv2("1900000000000004001", "42", "@acme_support kettle leaks", null);
        };
        JsonNode all = JSON.readTree("[" + posts + "]");
        String users = "[" + Posts.xv2User("42", "ana_pop", "Ana Pop", 120) + "," + Posts.xv2User("43", "ion_v", "Ion", 15000)
                + "," + Posts.xv2User("44", "bob", "Bob", 3) + "," + Posts.xv2User("555", "acme_support", "ACME", 9000) + "]";
        StubServer server = new StubServer().on("GET", "/2/users/555/mentions", r -> {
            String since = XV2ApiTest.query(r).get("since_id");
            ArrayNode newer = JSON.createArrayNode();
            for (JsonNode p : all) {
                String id = p.path("id").asText("");
                if (since == null || (id.matches("\\d+") && Long.parseLong(id) > Long.parseLong(since))) {
                    newer.add(p);
                }
            }
            ObjectNode body = JSON.createObjectNode();
            if (!newer.isEmpty()) {
                body.set("data", newer);
                try {
                    body.putObject("includes").set("users", JSON.readTree(users));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            body.putObject("meta").put("result_count", newer.size());
            return StubServer.Response.ok(body.toString());
        }).on("GET", "/2/dm_events", r -> StubServer.Response.ok("{\"meta\":{\"result_count\":0}}"));
        servers.add(server);
        return Map.of(SocialChannelPlugin.NETWORK, "x", SocialChannelPlugin.BASE_URL, server.base(),
                SocialChannelPlugin.CONSUMER_KEY, "ck", SocialChannelPlugin.CONSUMER_SECRET, "cs",
                SocialChannelPlugin.ACCESS_TOKEN, "at", SocialChannelPlugin.ACCESS_TOKEN_SECRET, "ats",
                SocialChannelPlugin.OWN_HANDLE, "acme_support", SocialChannelPlugin.OWN_USER_ID, "555");
    }

    @Override
    protected java.util.Optional<ReplyTarget> replyTarget(java.nio.file.Path dir) throws java.io.IOException {
        return MastodonReplyTarget.in(dir);
    }
}
