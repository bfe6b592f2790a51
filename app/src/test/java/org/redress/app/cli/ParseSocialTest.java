package org.redress.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseSocialTest {

    @TempDir
    Path dir;

    @Test
    void prints_one_json_line_per_post_with_author_thread_and_visibility() throws Exception {
        Path file = Files.writeString(dir.resolve("notifications.json"), "[{\"id\":\"5\",\"type\":\"mention\",\"status\":"
                + "{\"id\":\"105\",\"created_at\":\"2026-03-02T10:15:00.000Z\",\"content\":\"<p>@acme refund?</p>\","
                + "\"visibility\":\"direct\",\"in_reply_to_id\":\"104\",\"account\":{\"id\":\"9\",\"acct\":\"ann@social.example\","
                + "\"display_name\":\"Ann\",\"followers_count\":12000,\"bot\":false}}},"
                + "{\"id\":\"6\",\"type\":\"mention\",\"status\":{\"id\":\"106\"}},"
                + "{\"id\":\"7\",\"type\":\"mention\",\"status\":"
                + "{\"id\":\"107\",\"created_at\":\"2026-03-02T10:16:00.000Z\",\"content\":\"<p>@acme hi</p>\","
                + "\"visibility\":\"public\",\"account\":{\"id\":\"10\",\"acct\":\"big@social.example\","
                + "\"followers_count\":123456789012345678901234}}}]");
        CliTest.Result r = CliTest.run("parse-social", file.toString(), "--network", "mastodon");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> out = ParseCallsTest.lines(r.out());
        JsonNode post = out.get(0);
        assertThat(post.get("externalId").asText()).isEqualTo("105");
        assertThat(post.get("visibility").asText()).isEqualTo("private");
        assertThat(post.get("author").get("handle").asText()).isEqualTo("@ann@social.example");
        assertThat(post.get("author").get("followers").asLong()).isEqualTo(12000);
        assertThat(post.get("text").asText()).isEqualTo("@acme refund?");
        assertThat(post.get("inReplyTo").asText()).isEqualTo("104");
        assertThat(post.get("threadKey").asText()).isEqualTo("dm:ann@social.example");
        assertThat(out.get(1).get("quarantined").get("reason").asText()).isEqualTo("status 6 has no 'account'");
        // a follower count past a long is made up: it does not stop the listing, and counts as no count at all (followers
        // are a typed count the desk triages on, so a number no account can have is dropped by the channel)
        assertThat(out.get(2).get("externalId").asText()).isNotBlank();
        assertThat(out.get(2).get("author").get("followers").isNull()).isTrue();
    }

    @Test
    void malformed_json_is_quarantined_and_an_unknown_network_is_a_usage_error() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.json"), "[{\"id_str\":\"1\",");
        CliTest.Result r = CliTest.run("parse-social", file.toString(), "--network", "x");
        assertThat(r.code()).isZero();
        assertThat(ParseCallsTest.lines(r.out())).singleElement()
                .satisfies(n -> assertThat(n.get("quarantined").get("reason").asText()).startsWith("malformed JSON"));
        CliTest.Result bad = CliTest.run("parse-social", file.toString(), "--network", "myspace");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown --network 'myspace': use x or mastodon");
    }

    @Test
    void the_corpus_x_api_v2_mentions_and_direct_message_events_are_messages() throws Exception {
        Path corpus = Path.of(System.getProperty("redress.corpus", "../../shared/corpus")).resolve("social/twitter-v2");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(corpus), "no corpus at " + corpus.toAbsolutePath());
        CliTest.Result mentions = CliTest.run("parse-social", corpus.resolve("tweepy-GET_2_users_783214_mentions.json")
                .toString(), "--network", "x");
        assertThat(mentions.code()).as(mentions.err()).isZero();
        List<JsonNode> posts = ParseCallsTest.lines(mentions.out());
        assertThat(posts).hasSize(10).allSatisfy(p -> {
            assertThat(p.path("quarantined").isNull()).as(p.toString()).isTrue();
            assertThat(p.get("visibility").asText()).isEqualTo("public");
        });
        assertThat(posts.get(9).get("externalId").asText()).isEqualTo("1578516295611748353");
        assertThat(posts.get(9).get("text").asText()).contains("respond to my ticket");
        CliTest.Result events = CliTest.run("parse-social", corpus.resolve("tweepy-GET_2_dm_conversations_id_dm_events.json")
                .toString(), "--network", "x");
        List<JsonNode> dms = ParseCallsTest.lines(events.out());
        assertThat(dms).extracting(d -> d.get("text").asText()).containsExactly("Testing 1", "Testing 2");
        assertThat(dms).allSatisfy(d -> assertThat(d.get("visibility").asText()).isEqualTo("private"));
    }
}
