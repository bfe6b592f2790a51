package org.redress.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.app.acceptance.SignInThrottlingTest.signIn;

import org.junit.jupiter.api.Test;

/**
 * Security finding 6 (#19), behind a reverse proxy: every user shared the proxy's address, so five wrong guesses
 * locked a real user out, and an account's guesses were counted per address, so a guesser with many addresses was
 * never slowed. With {@code web.trusted-proxies} the desk reads the client's address from the proxy's
 * {@code X-Forwarded-For}, and an account backs off whatever address the guesses come from.
 */
class SignInBehindAProxyTest extends AcceptanceTest {

    @Override
    String moreConfig() {
        return """
                web:
                  trusted-proxies: [127.0.0.1]
                """;
    }

    @Test
    void guesses_at_one_account_back_off_across_addresses_and_other_users_behind_the_proxy_sign_in() throws Exception {
        for (int i = 1; i <= 5; i++) {
            assertThat(signIn(desk.base, "ana", "wrong guess " + i, "203.0.113." + i)).isEqualTo(401);
        }
        // the sixth guess from a sixth address waits: the account backs off, not the address
        assertThat(signIn(desk.base, "ana", "wrong guess 6", "203.0.113.6")).isEqualTo(429);
        // somebody else behind the same proxy is not held back by ana's guesser
        assertThat(signIn(desk.base, "sue", AcceptanceDesk.PASSWORD, "198.51.100.20")).isEqualTo(200);
        // the backoff is seconds, not a lock-out: the real ana gets in once it has passed
        Thread.sleep(1_100);
        assertThat(signIn(desk.base, "ana", AcceptanceDesk.PASSWORD, "198.51.100.21")).isEqualTo(200);
        assertThat(signIn(desk.base, "ana", "wrong again", "203.0.113.9")).as("a success starts the account afresh").isEqualTo(401);
    }

    @Test
    void spraying_from_one_client_behind_the_proxy_stops_that_client_only() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(signIn(desk.base, "nobody" + i, "Winter2026!", "192.0.2.50")).isEqualTo(401);
        }
        assertThat(signIn(desk.base, "nobody-else", "Winter2026!", "192.0.2.50")).isEqualTo(429);
        assertThat(signIn(desk.base, "adam", AcceptanceDesk.PASSWORD, "192.0.2.51")).isEqualTo(200);
    }
}
