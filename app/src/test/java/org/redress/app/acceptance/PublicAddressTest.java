package org.redress.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Security finding 7 (#19), links and transport: the satisfaction link sent to customers was built from the request's
 * {@code Host} header, which a caller chooses. With {@code web.public-url} every link goes to the desk's own address;
 * when that is https the session cookie is always Secure and every answer carries HSTS; no answer may be sniffed as
 * another type.
 */
class PublicAddressTest extends AcceptanceTest {

    @Override
    String moreConfig() {
        return """
                web:
                  public-url: https://desk.example.com
                """;
    }

    @Test
    void links_to_customers_use_the_public_address_whatever_host_the_request_named() throws Exception {
        desk.customerWrites("linked@customer.example", "Invoice wrong", "My invoice for November is wrong.");
        long n = desk.complaintFrom("linked@customer.example");
        AcceptanceDesk.Session ana = desk.signIn("ana");
        desk.awaitStatus(n, "ACKNOWLEDGED", ana);
        for (String to : List.of("assessed", "responded", "decision_communicated")) {
            AcceptanceDesk.await(() -> {
                try {
                    long version = desk.complaint(n, ana).path("version").asLong();
                    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(desk.base + "/api/complaints/"
                                    + n + "/transitions")).header("Content-Type", "application/json").header("Cookie", ana.cookie())
                            .header("X-CSRF-Token", ana.csrf()).header("X-Forwarded-Host", "evil.example")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"" + to + "\",\"version\":" + version + "}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    return r.statusCode() == 200;
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }, "the move to " + to);
        }
        String question = desk.db.jdbi().withHandle(h -> h.createQuery("select text from outbound_message where reply_id = :id")
                .bind("id", "satisfaction-" + n).mapTo(String.class).one());
        assertThat(question).contains("https://desk.example.com/api/satisfaction/").doesNotContain("127.0.0.1").doesNotContain("evil");
        // the link answers for the customer: a supervisor reading the customer's export does not get it
        String token = question.replaceAll("(?s).*/api/satisfaction/(\\S+).*", "$1");
        long customer = desk.complaint(n, ana).path("customer").asLong();
        String export = desk.api("GET", "/api/customers/" + customer + "/export", null, desk.signIn("sue")).json().toString();
        assertThat(export).contains("/api/satisfaction/").doesNotContain(token);
    }

    @Test
    void an_https_public_address_makes_cookies_secure_and_answers_carry_hsts_and_nosniff() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(desk.base + "/api/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("username", "ana",
                                "password", AcceptanceDesk.PASSWORD)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure");
        assertThat(login.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }
}
