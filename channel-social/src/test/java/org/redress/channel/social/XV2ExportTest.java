package org.redress.channel.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelSettings;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.Quarantined;
import org.redress.core.channel.Visibility;

/** X API v2 responses read as exports: the corpus' recordings and our own, beside v1.1 ones. */
class XV2ExportTest {

    static final Path CORPUS = Path.of(System.getProperty("redress.corpus", "../../shared/corpus")).resolve("social");

    @TempDir
    Path dir;

    private Batch read(String name, String json) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, json);
        return read(file);
    }

    private static Batch read(Path file) throws Exception {
        SocialChannelPlugin plugin = new SocialChannelPlugin();
        try (Channel channel = plugin.open(ChannelSettings.validate(plugin.descriptor(), Map.of("file", file.toString(),
                "network", "x", "own-handle", "acme_support", "own-user-id", "555")), new ChannelContext("t", Clock.systemUTC()))) {
            return channel.read(Checkpoint.START, 1000);
        }
    }

    private static List<InboundMessage> messages(Batch b) {
        assertThat(b.items()).allSatisfy(i -> assertThat(i).isInstanceOf(InboundMessage.class));
        return b.items().stream().map(InboundMessage.class::cast).toList();
    }

    @Test
    void the_corpus_mentions_become_messages_even_with_default_fields() throws Exception {
        Path file = CORPUS.resolve("twitter-v2/tweepy-GET_2_users_783214_mentions.json");
        Assumptions.assumeTrue(Files.isRegularFile(file), "no corpus at " + file.toAbsolutePath());
        List<InboundMessage> m = messages(read(file));
        assertThat(m).hasSize(10);
        InboundMessage first = m.get(m.size() - 1); // id order: the newest is last
        assertThat(first.externalId()).isEqualTo("1578516295611748353");
        assertThat(first.text()).startsWith("@Twitter @TwitterSupport this is my ENTIRE feed");
        // the time is in the snowflake id: 2022-10-07, when tweepy recorded it
        assertThat(first.sentAt()).isBetween(Instant.parse("2022-10-07T00:00:00Z"), Instant.parse("2022-10-08T00:00:00Z"));
        assertThat(first.visibility()).isEqualTo(Visibility.PUBLIC);
        // no author in a default-fields export: each post is its own unknown author, never one merged stranger
        assertThat(m).extracting(x -> x.sender().value()).doesNotHaveDuplicates()
                .allSatisfy(v -> assertThat(v).startsWith("x:unknown:"));
        assertThat(first.attributes()).containsKey(XV2.AUTHOR_UNKNOWN);
    }

    @Test
    void the_corpus_direct_message_events_become_private_messages() throws Exception {
        Path file = CORPUS.resolve("twitter-v2/tweepy-GET_2_dm_conversations_id_dm_events.json");
        Assumptions.assumeTrue(Files.isRegularFile(file), "no corpus at " + file.toAbsolutePath());
        List<InboundMessage> m = messages(read(file));
        assertThat(m).extracting(InboundMessage::text).containsExactly("Testing 1", "Testing 2");
        assertThat(m).allSatisfy(x -> assertThat(x.visibility()).isEqualTo(Visibility.PRIVATE));
        Path empty = CORPUS.resolve("twitter-v2/tweepy-GET_2_dm_events_empty.json");
        Batch none = read(empty);
        assertThat(none.items()).hasSize(1).allSatisfy(i -> assertThat(((Quarantined) i).reason())
                .contains("an object with 'data' (API v2"));
    }

    @Test
    void posts_and_messages_with_their_authors_from_includes() throws Exception {
        List<InboundMessage> m = messages(read("mentions.json", "{\"data\":["
                + Posts.xv2("1900000000000000003", "42", "@acme_support still no refund", "1900000000000000001") + ","
                + Posts.xv2("1900000000000000001", "42", "@acme_support refund for order 5512?", null) + ","
                + Posts.xv2("1900000000000000002", "555", "@ana_pop we are on it", "1900000000000000001")
                + "],\"includes\":{\"users\":[" + Posts.xv2User("42", "ana_pop", "Ana Pop", 120) + ","
                + Posts.xv2User("555", "acme_support", "ACME", 9000) + "]},\"meta\":{\"result_count\":3}}"));
        assertThat(m).extracting(InboundMessage::externalId)
                .containsExactly("1900000000000000001", "1900000000000000002", "1900000000000000003");
        assertThat(m.get(0).sender().value()).isEqualTo("x:@ana_pop");
        assertThat(m.get(0).sender().displayName()).isEqualTo("Ana Pop");
        assertThat(m.get(0).attributes()).containsEntry(InboundMessage.FOLLOWERS.key(), "120")
                .containsEntry(SocialChannelPlugin.USER_ID, "42")
                .containsEntry(InboundMessage.THREAD_KEY.key(), "status:1900000000000000001");
        assertThat(m.get(0).sentAt()).isEqualTo(Instant.parse("2026-03-02T10:15:00Z"));
        assertThat(m.get(1).automated()).as("our own reply").isPresent();
        assertThat(m.get(2).threadReferences()).containsExactly("1900000000000000001");
        assertThat(m.get(2).attributes()).containsEntry(InboundMessage.THREAD_KEY.key(), "status:1900000000000000001");

        List<InboundMessage> dms = messages(read("dm_events.json", "{\"data\":["
                + Posts.xv2Message("1900000000000000011", "42", "My order number is 5512", "2026-03-02T09:00:00.000Z") + ","
                + "{\"id\":\"1900000000000000012\",\"event_type\":\"ParticipantsJoin\",\"participant_ids\":[\"7\"]},"
                + Posts.xv2Message("1900000000000000013", "555", "Thanks, Ana", "2026-03-02T09:05:00.000Z")
                + "],\"includes\":{\"users\":[" + Posts.xv2User("42", "ana_pop", "Ana Pop", 120) + "]}}"));
        assertThat(dms).extracting(InboundMessage::externalId).containsExactly("1900000000000000011", "1900000000000000013");
        assertThat(dms.get(0).sender().value()).isEqualTo("x:@ana_pop");
        assertThat(dms.get(0).visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(dms.get(0).attributes()).containsEntry(InboundMessage.THREAD_KEY.key(), "dm:42");
        assertThat(dms.get(1).sender().value()).as("not in includes: known by id").isEqualTo("x:id:555");
        assertThat(dms.get(1).automated()).as("the desk's own message, by id").isPresent();
    }

    @Test
    void the_same_post_in_v1_1_and_v2_is_one_item_with_one_thread() throws Exception {
        String v1 = Posts.x("1900000000000000005", "ana_pop", "Ana Pop", 120, "@acme_support broken again", "1900000000000000001");
        String v2 = Posts.xv2("1900000000000000005", "42", "@acme_support broken again", "1900000000000000001");
        InboundMessage a = messages(read("v1.json", "[" + v1 + "]")).get(0);
        InboundMessage b = messages(read("v2.json", "{\"data\":[" + v2 + "],\"includes\":{\"users\":["
                + Posts.xv2User("42", "ana_pop", "Ana Pop", 120) + "]}}")).get(0);
        assertThat(b.externalId()).isEqualTo(a.externalId());
        assertThat(b.sender()).isEqualTo(a.sender());
        assertThat(b.threadReferences()).isEqualTo(a.threadReferences());
        assertThat(b.attribute(InboundMessage.THREAD_KEY).orElse(null)).isEqualTo(a.attribute(InboundMessage.THREAD_KEY).orElse(null));
        // pasted together, the two shapes are read side by side
        Batch both = read("both.json", "[" + v1 + "]\n{\"data\":[" + Posts.xv2("1900000000000000006", "42", "hello?", null)
                + "]}");
        assertThat(messages(both)).extracting(InboundMessage::externalId)
                .containsExactly("1900000000000000005", "1900000000000000006");
    }

    @Test
    void a_broken_v2_item_is_quarantined_in_place_naming_what_is_wrong() throws Exception {
        Batch b = read("broken.json", "{\"data\":[" + Posts.xv2("1900000000000000001", "42", "fine", null)
                + ",{\"id\":\"1900000000000000002\",\"author_id\":\"42\"}"
                + ",{\"id\":\"1900000000000000003\",\"text\":\"bad date\",\"author_id\":\"42\",\"created_at\":\"yesterday\"}"
                + ",{\"id\":\"123\",\"text\":\"too old for a snowflake\",\"edit_history_tweet_ids\":[\"123\"]}]}");
        List<Inbound> items = b.items();
        assertThat(items).hasSize(4);
        assertThat(items.get(0)).isInstanceOf(Quarantined.class); // id 123 sorts first
        assertThat(((Quarantined) items.get(0)).reason()).contains("post 123 has no 'created_at' and its id carries no time");
        assertThat(items.get(1)).isInstanceOf(InboundMessage.class);
        assertThat(((Quarantined) items.get(2)).reason()).contains("post 1900000000000000002 has no 'text'");
        assertThat(((Quarantined) items.get(3)).reason()).contains("unreadable created_at 'yesterday'");
    }
}
