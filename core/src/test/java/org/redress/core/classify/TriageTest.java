package org.redress.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.redress.core.complaint.Priority;
import org.redress.core.triage.Signal;
import org.redress.core.triage.SignalCode;

class TriageTest {

    @Test
    void a_deployment_adds_phrases_without_recompiling() throws Exception {
        String text = "Your service is a total shambles.";
        Triage builtIn = new Triage(Triage.Policy.standard(), Optional.empty());
        assertThat(builtIn.triage(text, "en", OptionalLong.empty()).signals()).isEmpty();
        Path dir = Files.createTempDirectory("rules");
        Files.createDirectories(dir.resolve("en"));
        Files.writeString(dir.resolve("en/anger.txt"), "phrase = (?:total |utter )?shambles\n");
        Triage extended = new Triage(Triage.Policy.standard(), Optional.of(dir));
        assertThat(extended.triage(text, "en", OptionalLong.empty()).signals()).extracting(Signal::code, Signal::evidence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SignalCode.ANGER, "total shambles"));
    }

    @Test
    void diacritics_typed_or_omitted_case_and_words_between_all_match() {
        Triage t = new Triage(Triage.Policy.standard(), Optional.empty());
        for (String text : new String[] {"Vă dau în judecată!", "va dau in judecata", "VĂ DAU ÎN JUDECATĂ"}) {
            assertThat(t.triage(text, "ro", OptionalLong.empty()).signals()).extracting(Signal::code).contains(SignalCode.THREAT_LEGAL);
        }
        assertThat(t.triage("Tôi sẽ hủy hợp đồng", "vi", OptionalLong.empty()).signals()).extracting(Signal::code)
                .contains(SignalCode.CHURN_RISK);
        assertThat(t.triage("Toi se huy hop dong", "vi", OptionalLong.empty()).signals()).extracting(Signal::code)
                .contains(SignalCode.CHURN_RISK);
        assertThat(t.triage("the internet in my flat is again not working", "en", OptionalLong.empty()).signals())
                .extracting(Signal::code).contains(SignalCode.OUTAGE);
    }

    @Test
    void negation_that_changes_the_meaning_and_quotations_do_not_fire() {
        Triage t = new Triage(Triage.Policy.standard(), Optional.empty());
        assertThat(t.triage("I will not cancel my subscription, I just want it fixed.", "en", OptionalLong.empty()).signals())
                .extracting(Signal::code).doesNotContain(SignalCode.CHURN_RISK);
        assertThat(t.triage("Nu vreau să reziliez contractul.", "ro", OptionalLong.empty()).signals())
                .extracting(Signal::code).doesNotContain(SignalCode.CHURN_RISK);
    }

    @Test
    void a_large_account_raises_priority() {
        Triage t = new Triage(Triage.Policy.standard(), Optional.empty());
        String text = "@acme my parcel is late";
        assertThat(t.triage(text, "en", OptionalLong.of(200)).priority()).isEqualTo(Priority.P4);
        assertThat(t.triage(text, "en", OptionalLong.of(250_000)).priority()).isEqualTo(Priority.P2);
    }
}
