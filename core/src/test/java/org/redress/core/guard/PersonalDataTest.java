package org.redress.core.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @Test
    void finds_what_must_not_be_said_in_public() {
        assertThat(PersonalData.find("Hi Ana, your order 551234 ships tomorrow to 12 Baker Street."))
                .extracting(PersonalData.Finding::kind, PersonalData.Finding::evidence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PersonalData.Kind.ORDER_NUMBER, "order 551234"),
                        org.assertj.core.groups.Tuple.tuple(PersonalData.Kind.ADDRESS, "12 Baker Street"));
        assertThat(PersonalData.find("Refund sent to RO49 AAAA 1B31 0075 9384 0000")).extracting(PersonalData.Finding::kind)
                .containsExactly(PersonalData.Kind.IBAN);
        assertThat(PersonalData.find("Card 4111 1111 1111 1111 was charged")).extracting(PersonalData.Finding::kind)
                .containsExactly(PersonalData.Kind.CARD_NUMBER);
        assertThat(PersonalData.find("Scrieți-ne la ana.pop@example.ro sau la +40 721 000 001"))
                .extracting(PersonalData.Finding::kind).containsExactly(PersonalData.Kind.EMAIL, PersonalData.Kind.PHONE);
        assertThat(PersonalData.find("Ваш заказ № 55102 и договор 778899")).extracting(PersonalData.Finding::kind)
                .containsExactly(PersonalData.Kind.ORDER_NUMBER, PersonalData.Kind.ACCOUNT_NUMBER);
        assertThat(PersonalData.find("Livrăm pe Strada Lungă nr. 5")).extracting(PersonalData.Finding::kind)
                .containsExactly(PersonalData.Kind.ADDRESS);
    }

    @Test
    void an_ordinary_public_reply_is_clean() {
        assertThat(PersonalData.find("We are sorry for the outage. The fix is rolling out and service returns by 17:00 today."))
                .isEmpty();
        assertThat(PersonalData.find("Thanks for your patience, we sent you a private message with the details.")).isEmpty();
        assertThat(PersonalData.find("Error code 1234567890123 is not a card")).as("fails Luhn").isEmpty();
    }
}
