package org.redress.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The customer's whole account includes what they attach: files that come with a mail are kept on the complaint,
 * listed for the agent, and downloaded as files, never opened as pages, whatever they claim to be.
 */
class AttachmentsAreKeptTest extends AcceptanceTest {

    @Test
    void a_photo_and_a_hostile_html_file_are_listed_and_downloaded_as_files() throws Exception {
        MimeMessage m = desk.mailFrom("foto@customer.example", "Broken screen", "");
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("The phone arrived with a broken screen, photo attached.", "UTF-8");
        parts.addBodyPart(text);
        byte[] photo = new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4};
        MimeBodyPart jpeg = new MimeBodyPart();
        jpeg.setContent(photo, "image/jpeg");
        jpeg.setFileName("screen.jpg");
        parts.addBodyPart(jpeg);
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<script>window.__pwned=1</script>", "text/html; charset=UTF-8");
        html.setFileName("invoice.html");
        html.setDisposition("attachment");
        parts.addBodyPart(html);
        m.setContent(parts);
        m.saveChanges();
        desk.deliver(m);

        long number = desk.complaintFrom("foto@customer.example");
        AcceptanceDesk.Session ana = desk.signIn("ana");
        JsonNode files = desk.complaint(number, ana).path("attachments");
        assertThat(files).extracting(f -> f.path("name").asText()).containsExactlyInAnyOrder("screen.jpg", "invoice.html");

        for (JsonNode f : files) {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(desk.base + "/api/attachments/"
                    + f.path("id").asLong())).header("Cookie", ana.cookie()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/octet-stream");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            if (f.path("name").asText().equals("screen.jpg")) {
                assertThat(r.body()).isEqualTo(photo);
            } else {
                assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("<script>");
            }
        }
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(desk.base + "/api/attachments/"
                + files.get(0).path("id").asLong())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as("only the desk's people").isEqualTo(401);
    }
}
