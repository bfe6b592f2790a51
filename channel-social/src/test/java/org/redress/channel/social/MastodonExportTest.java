package org.redress.channel.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.core.channel.Automation;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelSettings;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.Quarantined;
import org.redress.core.channel.Visibility;

class MastodonExportTest {

    @TempDir
    Path dir;

    private Batch readAll(String json) throws Exception {
        Path file = dir.resolve("notifications.json");
        Files.writeString(file, json);
        SocialChannelPlugin plugin = new SocialChannelPlugin();
        try (Channel channel = plugin.open(ChannelSettings.validate(plugin.descriptor(), Map.of("file", file.toString(),
                "network", "mastodon", "own-handle", "acme")), new ChannelContext("t", Clock.systemUTC()))) {
            return channel.read(Checkpoint.START, 100);
        }
    }

    @Test
    void maps_statuses_with_visibility_replies_bots_and_paragraphs() throws Exception {
        Batch batch = readAll("[" + Posts.mastodon("11", "ann@social.example", "<p>Order late</p><p>Help!</p>",
                "public", null, false)
                + "," + Posts.mastodon("12", "ann@social.example", "<p>my address is private</p>", "direct", "11", false)
                + "," + Posts.mastodon("13", "robot@bots.example", "<p>beep</p>", "public", null, true) + "]");
        assertThat(batch.items()).hasSize(3);
        InboundMessage first = (InboundMessage) batch.items().get(0);
        assertThat(first.text()).isEqualTo("Order late\nHelp!");
        assertThat(first.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(first.sender().value()).isEqualTo("mastodon:@ann@social.example");
        assertThat(first.attributes()).containsEntry(InboundMessage.FOLLOWERS.key(), "42");
        InboundMessage second = (InboundMessage) batch.items().get(1);
        assertThat(second.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(second.threadReferences()).containsExactly("11");
        InboundMessage bot = (InboundMessage) batch.items().get(2);
        assertThat(bot.automated()).map(Automation::kind).contains(Automation.Kind.BOT);
    }

    @Test
    void only_mention_notifications_are_messages() throws Exception {
        Batch batch = readAll("[{\"id\":\"50\",\"type\":\"follow\",\"account\":{\"acct\":\"x\"}},"
                + "{\"id\":\"51\",\"type\":\"mention\",\"status\":" + Posts.mastodon("900", "ann", "<p>hi</p>",
                "public", null, false) + "}]");
        assertThat(batch.items()).singleElement().satisfies(i -> assertThat(i.externalId()).isEqualTo("900"));
    }

    @Test
    void a_malformed_file_is_one_quarantined_item_that_says_where() throws Exception {
        Batch batch = readAll("[{\"id\":\"1\",");
        assertThat(batch.items()).singleElement().isInstanceOfSatisfying(Quarantined.class,
                q -> assertThat(q.reason()).startsWith("malformed JSON").contains("line 1"));
    }

    @Test
    void two_exports_pasted_together_are_both_read() throws Exception {
        String first = "[" + Posts.mastodon("900", "ann@social.example", "<p>@acme late</p>", "public", null, false) + "]";
        String second = "[" + Posts.mastodon("901", "bob@social.example", "<p>@acme broken</p>", "public", null, false) + "]";
        Batch batch = readAll(first + "\n" + second);
        assertThat(batch.items()).extracting(i -> i.externalId()).containsExactly("900", "901");
    }

    @Test
    void json_past_the_parsers_limits_is_quarantined_naming_the_limit() throws Exception {
        Batch deep = readAll("[".repeat(2_000) + "]".repeat(2_000));
        assertThat(deep.items()).singleElement().isInstanceOfSatisfying(Quarantined.class,
                q -> assertThat(q.reason()).startsWith("malformed JSON").containsIgnoringCase("nesting depth"));
        Batch digits = readAll("[{\"id\": " + "9".repeat(5_000) + "}]");
        assertThat(digits.items()).singleElement().isInstanceOfSatisfying(Quarantined.class,
                q -> assertThat(q.reason()).containsIgnoringCase("number"));
    }
}
