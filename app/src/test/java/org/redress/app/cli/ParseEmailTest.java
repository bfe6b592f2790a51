package org.redress.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseEmailTest {

    @TempDir
    Path dir;

    @Test
    void prints_one_json_line_per_file_with_clean_text_threading_attachments_and_language() throws Exception {
        Path reply = Files.writeString(dir.resolve("reply.eml"), "Message-ID: <r1@customer.example>\r\n"
                + "From: =?UTF-8?Q?Ana_Pop=C3=A9?= <Ana@Customer.example>\r\nTo: support@desk.example, boss@desk.example\r\n"
                + "Subject: Re: Comanda 5512 [#1042]\r\nDate: Mon, 2 Mar 2026 10:15:00 +0200\r\n"
                + "In-Reply-To: <redress.1042.x.y@desk.example>\r\nReferences: <a@customer.example> <redress.1042.x.y@desk.example>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "Coletul tot nu a ajuns și aștept de o săptămână. Vreau banii înapoi.\r\n\r\n"
                + "Pe luni, 2 martie 2026, Acme Support <support@desk.example> a scris:\r\n> Ne pare rău.\r\n"
                + "--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename*=UTF-8''factur%C4%83.pdf\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b--\r\n", StandardCharsets.UTF_8);
        Path bounce = Files.writeString(dir.resolve("bounce.eml"), "From: MAILER-DAEMON@mx.example\r\nReturn-Path: <>\r\n"
                + "Subject: Undelivered Mail\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=z\r\n\r\n"
                + "--z\r\nContent-Type: text/plain\r\n\r\nFailed.\r\n--z\r\nContent-Type: text/rfc822-headers\r\n\r\n"
                + "Message-ID: <redress.7.a.b@desk.example>\r\n--z--\r\n");
        Path junk = Files.write(dir.resolve("junk.eml"), new byte[] {0, 1, 2, 3, 0, 0, 0, 9, 0});

        CliTest.Result r = CliTest.run("parse-email", reply.toString(), bounce.toString(), junk.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> out = ParseCallsTest.lines(r.out());
        assertThat(out).hasSize(3);
        JsonNode m = out.get(0);
        assertThat(m.get("messageId").asText()).isEqualTo("r1@customer.example");
        assertThat(m.get("from").get("address").asText()).isEqualTo("ana@customer.example");
        assertThat(m.get("from").get("name").asText()).isEqualTo("Ana Popé");
        assertThat(m.get("to")).extracting(JsonNode::asText).containsExactly("support@desk.example", "boss@desk.example");
        assertThat(m.get("subject").asText()).isEqualTo("Re: Comanda 5512 [#1042]");
        assertThat(m.get("date").asText()).isEqualTo("2026-03-02T08:15:00Z");
        assertThat(m.get("text").asText()).isEqualTo("Coletul tot nu a ajuns și aștept de o săptămână. Vreau banii înapoi.");
        assertThat(m.get("fullText").asText()).contains("> Ne pare rău.");
        assertThat(m.get("automated").asBoolean()).isFalse();
        assertThat(m.get("inReplyTo").asText()).isEqualTo("redress.1042.x.y@desk.example");
        assertThat(m.get("references")).extracting(JsonNode::asText).containsExactly("a@customer.example", "redress.1042.x.y@desk.example");
        assertThat(m.get("complaintRef").asLong()).isEqualTo(1042);
        assertThat(m.get("attachments").get(0).get("filename").asText()).isEqualTo("factură.pdf");
        assertThat(m.get("attachments").get(0).get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(m.get("attachments").get(0).get("size").asLong()).isEqualTo(9);
        assertThat(m.get("language").asText()).isEqualTo("ro");
        assertThat(m.get("quarantined").isNull()).isTrue();

        JsonNode b = out.get(1);
        assertThat(b.get("automated").asText()).isEqualTo("bounce");
        assertThat(b.get("threadReferences").get(0).asText()).isEqualTo("redress.7.a.b@desk.example");

        JsonNode j = out.get(2);
        assertThat(j.get("quarantined").asText()).contains("binary");
    }

    @Test
    void a_missing_file_is_named_and_fails() {
        CliTest.Result r = CliTest.run("parse-email", dir.resolve("nope.eml").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("nope.eml: no such file");
    }
}
