package org.redress.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A rule by its parts: every part in one clause, in order, none negated, declined or addressed. */
class PhraseRulePartsTest {

    static final Pattern NEGATION = Pattern.compile("not|no|never|didn't|won't");
    static final Pattern UNSAID = Pattern.compile("i won'?t (?:say|tell you)");
    static final Pattern ADDRESSED = Pattern.compile("asked|told");

    static PhraseRule rule(String text) throws Exception {
        return PhraseRule.of("test", PhraseFile.empty().add(new StringReader(text), "test"));
    }

    static List<String> found(PhraseRule rule, String text) {
        return rule.find(new Analysed(text, NEGATION, UNSAID, ADDRESSED)).stream().map(PhraseRule.Hit::evidence).toList();
    }

    static final String BLAME = """
            part.party = (?:the |our )?(?:courier|warehouse|\\w+ team)
            part.failing = lost|forgot|mixed (?:it )?up|got (?:it|this) wrong
            """;

    @Test
    void every_part_in_one_clause_fires_without_a_phrase_listing_it_whole() throws Exception {
        PhraseRule blame = rule(BLAME);
        assertThat(found(blame, "Sadly the courier lost your parcel on Monday.")).containsExactly("the courier lost");
        assertThat(found(blame, "Our billing team really got it wrong, sorry.")).containsExactly("Our billing team really got it wrong");
        assertThat(found(blame, "The courier has it. We lost the receipt.")).as("parts in two sentences").isEmpty();
        assertThat(found(blame, "You lost the code the courier gave you?")).as("the failing before the party").isEmpty();
        assertThat(found(blame, "The courier will bring it tomorrow.")).as("a party and no failing").isEmpty();
    }

    @Test
    void a_negated_declined_or_addressed_part_does_not_count() throws Exception {
        PhraseRule blame = rule(BLAME);
        assertThat(found(blame, "The courier never lost it, it is in our depot.")).as("negated").isEmpty();
        assertThat(found(blame, "I won't tell you the warehouse mixed it up: we did.")).as("declined to say").isEmpty();
        assertThat(found(blame, "I won't tell you stories: the warehouse mixed it up.")).as("the declining ends with its clause")
                .containsExactly("the warehouse mixed it up");
        assertThat(found(blame, "I asked the courier to collect what we lost.")).as("the party is who was asked").isEmpty();
    }

    @Test
    void an_unordered_rule_takes_its_parts_either_way_and_phrases_still_work() throws Exception {
        PhraseRule job = rule("""
                phrase = not my job
                part.refusing = i only handle \\w+
                part.elsewhere = (?:call|try) (?:the )?\\w+ team
                ordered = false
                """);
        assertThat(found(job, "Call the billing team, I only handle orders.")).hasSize(1);
        assertThat(found(job, "I only handle orders, so try the billing team.")).hasSize(1);
        assertThat(found(job, "That is not my job.")).containsExactly("not my job");
        assertThat(found(job, "I only handle orders.")).isEmpty();
    }

    @Test
    void a_rule_of_one_part_is_refused_by_name() {
        assertThatThrownBy(() -> rule("part.party = courier\n")).hasMessageContaining("rule 'test' has one part");
    }

    @Test
    void a_letter_typed_three_times_counts_once_and_evidence_still_points_into_the_original() throws Exception {
        FoldedText f = FoldedText.of("Pleeease CALM dowwwn!!!");
        assertThat(f.folded()).isEqualTo("please calm down!!!");
        PhraseRule calm = rule("phrase = calm down\n");
        assertThat(found(calm, "Pleeease CALM dowwwn!!!")).containsExactly("CALM dowwwn");
        assertThat(FoldedText.of("Good cooperation, all ok").folded()).as("two of a letter stay two").isEqualTo("good cooperation, all ok");
    }
}
