package org.redress.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.Quarantined;

/** The pieces of the email channel that real mail breaks most often, each on input of our own making. */
class MailPiecesTest {

    @TempDir
    Path dir;

    final MailParser parser = new MailParser(new MachineMail(List.of()), 1 << 20);

    @Test
    void charsets_follow_the_chain() {
        assertThat(Charsets.decode("Hi Mom +AKM-1. +ZeVnLIqe-".getBytes(StandardCharsets.US_ASCII), "unicode-1-1-utf-7"))
                .isEqualTo("Hi Mom £1. 日本語");
        byte[] gbk = "投诉".getBytes(Charset.forName("GBK"));
        assertThat(Charsets.decode(gbk, "gb2312")).isEqualTo("投诉");
        assertThat(Charsets.decode("café".getBytes(StandardCharsets.UTF_8), "iso-8859-1")).as("valid UTF-8 wins").isEqualTo("café");
        assertThat(Charsets.decode("café".getBytes(StandardCharsets.ISO_8859_1), "x-unknown-junk")).isEqualTo("café");
        assertThat(Charsets.forLabel("ks_c_5601-1987")).map(Charset::name).hasValue("x-windows-949");
        assertThat(Charsets.forLabel("Windows1252")).map(Charset::name).hasValue("windows-1252");
    }

    @Test
    void headers_decode_words_split_inside_a_character_and_raw_bytes() {
        // "Жалоба" in UTF-8, its bytes cut across two encoded-words in the middle of a character
        assertThat(HeaderText.decode("=?UTF-8?B?0JbQsNC70L4=?= =?UTF-8?B?0LHQsA==?=", null)).isEqualTo("Жалоба");
        assertThat(HeaderText.decode("=?utf-8?q?Re:_factur=C4=83?= =?utf-8?q?_gre=C8=99it=C4=83?=", null)).isEqualTo("Re: factură greșită");
        String raw = new String("Plângere".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(HeaderText.decode(raw, null)).isEqualTo("Plângere");
    }

    @Test
    void signed_message_ids_cannot_be_forged() {
        MessageIds ids = new MessageIds("secret", "desk.example");
        String id = ids.create(1042, "reply-7");
        assertThat(ids.verify(id)).hasValueSatisfying(s -> assertThat(s.complaint()).isEqualTo(1042));
        assertThat(new MessageIds("another secret", "desk.example").verify(id)).isEmpty();
        assertThat(ids.verify(id.replace("redress.1042.", "redress.1043."))).as("someone else's complaint").isEmpty();
        assertThat(ids.findMarker("> old text\n> " + ids.markerFor(id))).hasValueSatisfying(s -> assertThat(s.messageId()).isEqualTo(id));
    }

    @Test
    void html_mail_shows_as_text_and_never_keeps_script() {
        InboundMessage m = (InboundMessage) parser.parse(Mails.html("h@x", "ann@customer.example", "Hi",
                "<p>Refund <b>now</b></p><script>alert(1)</script><img src=x onerror=alert(2)>"
                        + "<div class=\"gmail_quote\">On Monday the desk wrote:<blockquote>old</blockquote></div>")
                .getBytes(StandardCharsets.UTF_8), "h", Instant.EPOCH);
        assertThat(m.text()).isEqualTo("Refund now");
        assertThat(m.attribute(InboundMessage.FULL_TEXT).orElse(null)).doesNotContain("alert").contains("old");
    }

    @Test
    void a_multipart_without_parts_falls_back_to_its_text() {
        String mail = "From: ann@customer.example\r\nSubject: broken\r\nContent-Type: multipart/mixed; boundary=\"nowhere\"\r\n\r\n"
                + "The boundary never comes, but my complaint is here.\r\n";
        InboundMessage m = (InboundMessage) parser.parse(mail.getBytes(StandardCharsets.US_ASCII), "b", Instant.EPOCH);
        assertThat(m.text()).contains("my complaint is here");
    }

    @Test
    void attachment_names_by_rfc_2231_and_2047_and_attached_mail_by_its_subject() {
        String mail = "From: ann@customer.example\r\nSubject: files\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
                + "--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename*0*=UTF-8''factur%C4%83; filename*1=.pdf\r\n\r\nPDF\r\n"
                + "--b\r\nContent-Type: image/png; name=\"=?UTF-8?B?Y8Oib2UucG5n?=\"\r\n\r\nPNG\r\n"
                + "--b\r\nContent-Type: image/jpeg\r\nContent-ID: <photo1@x>\r\n\r\nJPG\r\n"
                + "--b\r\nContent-Type: message/rfc822\r\n\r\nFrom: shop@x\r\nSubject: Your order 5512\r\n\r\nThanks.\r\n--b--\r\n";
        InboundMessage m = (InboundMessage) parser.parse(mail.getBytes(StandardCharsets.US_ASCII), "a", Instant.EPOCH);
        assertThat(m.attachments()).extracting(a -> a.name())
                .containsExactly("factură.pdf", "câoe.png", "photo1@x.jpg", "Your order 5512.eml");
        assertThat(m.text()).isEqualTo("See attached.");
    }

    @Test
    void an_mbox_streams_messages_quarantines_junk_and_oversize_and_resumes_by_offset() throws Exception {
        String big = "x".repeat(2 << 20);
        Path mbox = Files.write(dir.resolve("a.mbox"), ("junk before any From line\n\n"
                + "From a@x Mon Mar  2 10:15:00 2026\nMessage-ID: <m1@x>\nFrom: a@customer.example\nSubject: one\n\n"
                + "First.\n>From the start I said so.\n\n"
                + "From b@x Mon Mar  2 10:15:00 2026\nMessage-ID: <m2@x>\nFrom: b@customer.example\nSubject: two\n\n" + big + "\n\n"
                + "From c@x Mon Mar  2 10:15:00 2026\nMessage-ID: <m3@x>\nFrom: c@customer.example\nSubject: three\n\nThird.\n")
                .getBytes(StandardCharsets.US_ASCII));
        MboxInbox inbox = new MboxInbox(mbox, parser);
        Batch first = inbox.read(Checkpoint.START, 2);
        assertThat(first.items().get(0)).isInstanceOf(Quarantined.class);
        InboundMessage one = (InboundMessage) first.items().get(1);
        assertThat(one.text()).isEqualTo("First.\nFrom the start I said so.");
        assertThat(first.more()).isTrue();
        Batch rest = inbox.read(first.next(), 10);
        assertThat(rest.items().get(0)).isInstanceOfSatisfying(Quarantined.class,
                q -> assertThat(q.reason()).contains("larger than max-size"));
        assertThat(rest.items().get(1)).isInstanceOfSatisfying(InboundMessage.class, m -> assertThat(m.externalId()).isEqualTo("m3@x"));
        assertThat(rest.more()).isFalse();
        assertThat(inbox.read(rest.next(), 10).items()).isEmpty();
    }

    @Test
    void a_parse_over_its_time_cap_is_quarantined() {
        MailParser slow = new MailParser(new MachineMail(List.of()), Optional.empty(),
                new MailParser.Limits(1 << 26, 1 << 24, java.time.Duration.ofNanos(1)));
        byte[] mail = Mails.plain("t@x", "ann@customer.example", "Hi", "text ".repeat(200_000)).getBytes(StandardCharsets.US_ASCII);
        assertThat(slow.parse(mail, "t", Instant.EPOCH)).isInstanceOfSatisfying(Quarantined.class,
                q -> assertThat(q.reason()).contains("took longer than"));
    }
}
