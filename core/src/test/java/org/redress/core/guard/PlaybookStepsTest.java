package org.redress.core.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.redress.core.Fixtures;
import org.redress.core.promise.PromiseExtractor;

/**
 * The steps the guard recognises in a reply are the ones the composer suggests: each suggested phrase of a step is
 * recognised as that step in its language, and a reply that only states facts takes none of them.
 */
class PlaybookStepsTest {

    static final ReplyGuard GUARD = new ReplyGuard(new PromiseExtractor(Fixtures.CALENDAR), Optional.empty());
    static final ReplyGuard.Context CONTEXT = new ReplyGuard.Context(true, false, false, Instant.parse("2026-11-23T10:00:00Z"));

    @ParameterizedTest
    @CsvSource({"en", "ro", "ru", "et", "vi"})
    void every_suggested_phrase_of_a_step_is_recognised_as_that_step(String language) {
        for (ReplyGuard.Step step : new ReplyGuard.Step[] {ReplyGuard.Step.EMPATHY, ReplyGuard.Step.APOLOGY, ReplyGuard.Step.RECAP}) {
            for (String phrase : GUARD.phrases(language, step)) {
                assertThat(GUARD.check(phrase.replace("…", "the parcel is late"), language, CONTEXT).steps())
                        .as(language + " " + step + ": " + phrase).contains(step);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
            "en, The parcel left our warehouse on Monday and the courier has it now.",
            "en, I don't understand why the courier kept it.",
            "ro, Coletul a plecat luni din depozit și este acum la curier.",
            "ru, Посылка ушла со склада в понедельник и сейчас у курьера.",
            "et, Pakk lahkus laost esmaspäeval ja on nüüd kulleri käes.",
            "vi, Bưu kiện đã rời kho vào thứ Hai và hiện đang ở chỗ người giao hàng."})
    void facts_alone_show_no_empathy(String language, String reply) {
        assertThat(GUARD.check(reply, language, CONTEXT).steps()).doesNotContain(ReplyGuard.Step.EMPATHY);
    }
}
