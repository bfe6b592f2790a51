package org.redress.channel.social;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redress.core.channel.OutboundReply;
import org.redress.core.channel.SenderIdentity;
import org.redress.core.channel.Visibility;
import org.redress.core.channel.testkit.ChannelContract;

/**
 * The contract kit's reply target for the social plugin: a stub Mastodon instance on 127.0.0.1 that takes posts;
 * what arrived is the statuses posted to it.
 */
final class MastodonReplyTarget implements ChannelContract.ReplyTarget {

    private final StubServer server;

    private MastodonReplyTarget() throws java.io.IOException {
        server = new StubServer();
        server.on("GET", "/api/v1/notifications", r -> StubServer.Response.ok("[]"));
        server.on("POST", "/api/v1/statuses", r -> StubServer.Response.ok("{\"id\":\"s" + server.requests("POST",
                "/api/v1/statuses").size() + "\"}"));
    }

    static Optional<ChannelContract.ReplyTarget> in(Path dir) throws java.io.IOException {
        return Optional.of(new MastodonReplyTarget());
    }

    @Override
    public Map<String, String> settings() {
        return Map.of(SocialChannelPlugin.NETWORK, "mastodon", SocialChannelPlugin.BASE_URL, server.base(),
                SocialChannelPlugin.ACCESS_TOKEN, "token", SocialChannelPlugin.OWN_HANDLE, "acme");
    }

    @Override
    public OutboundReply reply(String replyId) {
        return new OutboundReply(replyId, SenderIdentity.social("mastodon", "@ann@social.example", ""), "",
                "@ann We are sorry. Your refund is on its way.", List.of("901"), Visibility.PUBLIC, false);
    }

    @Override
    public int arrived() {
        return server.requests("POST", "/api/v1/statuses").size();
    }

    @Override
    public void close() {
        server.close();
    }
}
