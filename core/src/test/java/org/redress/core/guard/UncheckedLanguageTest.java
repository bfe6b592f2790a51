package org.redress.core.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.redress.core.Fixtures;
import org.redress.core.promise.PromiseExtractor;

/** A language the guard has no rules for is reported as not checked, not read with another language's rules. */
class UncheckedLanguageTest {

    static final ReplyGuard GUARD = new ReplyGuard(new PromiseExtractor(Fixtures.CALENDAR), Optional.empty());

    @Test
    void a_german_reply_is_not_checked_against_english_rules() {
        // "relax" and "ticket" are English rules' words; in a German reply they say nothing the guard can judge
        ReplyGuard.Result r = GUARD.check("Ich weiß es nicht. Bitte relax, Ihr Ticket ist offen.", "de",
                new ReplyGuard.Context(true, false, false, Instant.parse("2026-11-23T10:00:00Z")));
        assertThat(r.checked()).isFalse();
        assertThat(r.note()).contains("not checked (language de)");
        assertThat(r.findings()).as("no English rule and no missing ETA on an unchecked reply").isEmpty();
        assertThat(r.language()).isEqualTo("de");
    }

    @Test
    void personal_data_in_public_needs_no_words_and_is_still_found() {
        ReplyGuard.Result r = GUARD.check("Hallo Jonas, Ihre IBAN DE89 3704 0044 0532 0130 00 ist geändert.", "de",
                new ReplyGuard.Context(false, false, true, Instant.parse("2026-11-23T10:00:00Z")));
        assertThat(r.findings()).extracting(ReplyGuard.Finding::code).containsOnly(ReplyGuard.Code.PERSONAL_DATA_IN_PUBLIC);
    }

    @Test
    void a_supported_language_is_checked() {
        ReplyGuard.Result r = GUARD.check("I don't know.", "en", new ReplyGuard.Context(false, false, false, Instant.EPOCH));
        assertThat(r.checked()).isTrue();
        assertThat(r.note()).isEmpty();
    }
}
