package org.redress.core.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.core.Fixtures.local;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.redress.core.Fixtures;

class PromiseExtractorTest {

    final PromiseExtractor extractor = new PromiseExtractor(Fixtures.CALENDAR);
    /** Monday 23 November 2026, 10:00 in Bucharest. */
    final Instant written = Fixtures.MONDAY_10;

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            en | I will call you back within two hours.                    | within two hours               | 2026-11-23T12:00
            en | You will have the refund in 3 business days.              | in 3 business days             | 2026-11-26T10:00
            en | I'll call you back tomorrow by 10.                        | tomorrow by 10                 | 2026-11-24T10:00
            en | We will replace it by Friday.                             | by Friday                      | 2026-11-27T17:00
            en | Expect an update by 5 pm today.                           | by 5 pm today                  | 2026-11-23T17:00
            en | A technician will come on Wednesday at 2 pm.              | on Wednesday at 2 pm           | 2026-11-25T14:00
            en | I will update you within the hour.                        | within the hour                | 2026-11-23T11:00
            ro | Vă vom trimite înlocuirea până vineri.                    | până vineri                    | 2026-11-27T17:00
            ro | Va sunam inapoi in doua ore.                              | in doua ore                    | 2026-11-23T12:00
            ro | Vă contactez mâine până la ora 10.                        | mâine până la ora 10           | 2026-11-24T10:00
            ro | Rambursarea se face în 5 zile lucrătoare.                 | în 5 zile lucrătoare           | 2026-11-30T10:00
            ru | Мы перезвоним завтра до 12:00.                            | завтра до 12:00                | 2026-11-24T12:00
            ru | Деньги вернутся в течение трёх рабочих дней.              | в течение трёх рабочих дней    | 2026-11-26T10:00
            ru | Ответим до пятницы.                                       | до пятницы                     | 2026-11-27T17:00
            ru | Я перезвоню в течение часа.                               | в течение часа                 | 2026-11-23T11:00
            et | Raha kantakse tagasi kolme tööpäeva jooksul.              | kolme tööpäeva jooksul         | 2026-11-26T10:00
            et | Helistame teile homme kella 10-ks.                        | homme kella 10-ks              | 2026-11-24T10:00
            et | Saadame uue seadme reedeks.                               | reedeks                        | 2026-11-27T17:00
            vi | Chúng tôi sẽ gọi lại trước 5 giờ chiều nay.               | trước 5 giờ chiều nay          | 2026-11-23T17:00
            vi | Chung toi se goi lai truoc 5 gio chieu nay.               | truoc 5 gio chieu nay          | 2026-11-23T17:00
            vi | Tiền sẽ được hoàn trong 3 ngày làm việc.                  | trong 3 ngày làm việc          | 2026-11-26T10:00
            vi | Kỹ thuật viên sẽ đến vào ngày mai lúc 9 giờ sáng.         | ngày mai lúc 9 giờ sáng        | 2026-11-24T09:00
            de | Wir melden uns innerhalb von zwei Stunden.                | innerhalb von zwei Stunden     | 2026-11-23T12:00
            fr | Nous vous rappelons demain avant 11h30.                   | demain avant 11h30             | 2026-11-24T11:30
            """)
    void finds_the_promised_time_and_computes_its_due_instant(String lang, String text, String phrase, String due) {
        List<PromisedTime> found = extractor.extract(text, lang, written);
        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.phrase()).isEqualTo(phrase);
            assertThat(text.substring(p.start(), p.end())).isEqualTo(phrase);
            assertThat(p.due()).isEqualTo(local(due));
            assertThat(p.sentence()).isEqualTo(text.strip());
        });
    }

    @Test
    void working_days_skip_weekends_and_holidays() {
        // Friday 27 Nov 15:00 + 3 working days: Mon 30 Nov, (1 Dec is a holiday), Wed 2 Dec, Thu 3 Dec.
        List<PromisedTime> found = extractor.extract("Refund within 3 working days.", "en", local("2026-11-27T15:00"));
        assertThat(found).singleElement().satisfies(p -> assertThat(p.due()).isEqualTo(local("2026-12-03T15:00")));
    }

    @Test
    void a_clock_time_already_past_today_means_tomorrow() {
        List<PromisedTime> found = extractor.extract("I'll ring you by 9 am.", "en", written);
        assertThat(found).singleElement().satisfies(p -> assertThat(p.due()).isEqualTo(local("2026-11-24T09:00")));
    }

    @Test
    void text_without_a_time_promises_nothing() {
        assertThat(extractor.extract("Thank you for your patience, we are looking into it.", "en", written)).isEmpty();
        assertThat(extractor.extract("Comanda 5512 a fost livrată ieri.", "ro", written)).isEmpty();
        assertThat(extractor.extract("Заказ номер 12 доставлен.", "ru", written)).isEmpty();
        assertThat(extractor.extract("Vấn đề này đã được ghi nhận.", "vi", written)).isEmpty();
    }

    @Test
    void two_promises_in_one_reply_are_both_found_in_order() {
        List<PromisedTime> found = extractor.extract(
                "I will call you tomorrow at 11. The credit note follows within 5 business days.", "en", written);
        assertThat(found).extracting(PromisedTime::phrase).containsExactly("tomorrow at 11", "within 5 business days");
    }

    @Test
    void a_deployment_can_add_phrases_without_recompiling() {
        PromiseExtractor extended = new PromiseExtractor(Fixtures.CALENDAR, Map.of("en",
                PromiseExtractor.extension("en", new StringReader("pattern = (?:asap|as soon as possible) but by {weekday}\n"))));
        assertThat(extended.extract("We will fix it ASAP but by Thursday.", "en", written))
                .extracting(PromisedTime::phrase).containsExactly("ASAP but by Thursday");
    }

    @Test
    void a_promise_is_the_whole_sentence_even_when_an_address_or_a_number_in_it_has_a_dot() {
        List<PromisedTime> found = extractor.extract("Thank you. Please write to ana.pop@example.ro by 2026-12-03 10:00. We read every mail.",
                "en", written);
        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.sentence()).isEqualTo("Please write to ana.pop@example.ro by 2026-12-03 10:00.");
            assertThat(p.due()).isEqualTo(local("2026-12-03T10:00"));
        });
        assertThat(extractor.extract("The 2.5 GB plan is restored within two hours.", "en", written))
                .singleElement().satisfies(p -> assertThat(p.sentence()).isEqualTo("The 2.5 GB plan is restored within two hours."));
    }
}
