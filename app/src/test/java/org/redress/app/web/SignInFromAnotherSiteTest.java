package org.redress.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Security finding 4 (#19): a page on another site posted a {@code text/plain} body shaped like JSON to
 * {@code /api/login} and signed the victim's browser in as the attacker. The sign-in takes only JSON and only from the
 * desk's own site (or from a program, which sends neither {@code Origin} nor {@code Sec-Fetch-Site}); every change made
 * with the session's cookie must come from the desk's own pages too. {@code ConsoleBrowserTest} runs the attack in
 * Chromium.
 */
class SignInFromAnotherSiteTest extends DeskHttpFixture {

    static final String BODY = "{\"username\":\"adam\",\"password\":\"" + PASSWORD + "\"}";

    HttpResponse<String> login(String contentType, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/login")).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(BODY));
        headers.forEach(b::header);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        conformsToOpenapi("POST", "/api/login", r);
        return r;
    }

    @Test
    void a_text_plain_sign_in_is_refused_and_sets_no_cookie() throws Exception {
        HttpResponse<String> r = login("text/plain", Map.of());
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(r.body()).contains("application/json");
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(login("application/x-www-form-urlencoded", Map.of()).statusCode()).isEqualTo(415);
    }

    @Test
    void a_sign_in_from_another_site_is_refused_and_from_the_desks_own_it_is_not() throws Exception {
        HttpResponse<String> foreign = login("application/json", Map.of("Origin", "https://evil.example"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(login("application/json", Map.of("Sec-Fetch-Site", "cross-site")).statusCode()).isEqualTo(403);
        // another port on the same host is the same site but another origin: refused too
        assertThat(login("application/json", Map.of("Sec-Fetch-Site", "same-site")).statusCode()).isEqualTo(403);
        assertThat(login("application/json", Map.of("Origin", "null")).statusCode()).isEqualTo(403);

        assertThat(login("application/json", Map.of("Sec-Fetch-Site", "same-origin")).statusCode()).isEqualTo(200);
        assertThat(login("application/json", Map.of("Origin", base)).statusCode()).isEqualTo(200);
        assertThat(login("application/json; charset=utf-8", Map.of()).statusCode()).as("a program").isEqualTo(200);
    }

    @Test
    void a_change_with_the_session_cookie_from_another_site_is_refused_even_with_the_csrf_token() throws Exception {
        Browser ana = login("ana");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/complaints/1000/notes"))
                .header("Content-Type", "application/json").header("Cookie", ana.cookie()).header("X-CSRF-Token", ana.csrf())
                .header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString("{\"version\":0,\"text\":\"planted\"}"));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("must come from the desk's own pages");
        long planted = db.jdbi().withHandle(h -> h.createQuery("select count(*) from complaint_entry where text = 'planted'")
                .mapTo(Long.class).one());
        assertThat(planted).isZero();
    }
}
