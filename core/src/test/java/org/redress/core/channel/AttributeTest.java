package org.redress.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AttributeTest {

    static InboundMessage.Builder call() {
        return InboundMessage.builder("c-1").sender(SenderIdentity.phone("+40721000001", "")).sentAt(Instant.EPOCH)
                .text("call").raw(new RawSource("Master.csv line 1", "text/csv", new byte[] {1}));
    }

    @Test
    void the_desk_reads_typed_values_and_the_message_keeps_their_text() {
        InboundMessage m = call()
                .attribute(CallAttributes.OUTCOME, CallAttributes.Outcome.MISSED)
                .attribute(CallAttributes.DIRECTION, CallAttributes.Direction.IN)
                .attribute(CallAttributes.DURATION, Duration.ofSeconds(42))
                .attribute(CallAttributes.CALLBACK_DUE, Instant.parse("2026-11-24T10:00:00Z"))
                .attribute(InboundMessage.FOLLOWERS, 48_000L)
                .attribute(InboundMessage.NO_AUTOMATIC_ANSWER, true)
                .attribute(InboundMessage.COMPLAINT_REF, null)
                .attribute("queue", "support")
                .build();
        assertThat(m.attribute(CallAttributes.OUTCOME)).contains(CallAttributes.Outcome.MISSED);
        assertThat(m.attribute(CallAttributes.DURATION)).contains(Duration.ofSeconds(42));
        assertThat(m.attribute(CallAttributes.CALLBACK_DUE)).contains(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(m.attribute(InboundMessage.FOLLOWERS)).contains(48_000L);
        assertThat(m.attribute(InboundMessage.NO_AUTOMATIC_ANSWER)).contains(true);
        assertThat(m.attribute(InboundMessage.COMPLAINT_REF)).as("a null value sets nothing").isEmpty();
        assertThat(m.has(CallAttributes.AGENT)).isFalse();
        // what the desk stores: the text form, under the same keys as before the types
        assertThat(m.attributes()).containsEntry("outcome", "missed").containsEntry("direction", "in")
                .containsEntry("durationSeconds", "42").containsEntry("followers", "48000")
                .containsEntry("noAutomaticAnswer", "true").containsEntry("queue", "support");
    }

    @Test
    void a_value_the_type_cannot_read_is_refused_when_the_message_is_built_naming_the_attribute() {
        assertThatThrownBy(() -> call().attribute("followers", "12k").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attribute 'followers': '12k' is not a whole number of zero or more");
        assertThatThrownBy(() -> call().attribute("outcome", "exploded").build())
                .hasMessageContaining("attribute 'outcome': 'exploded' is not one of answered, missed, abandoned, busy, failed");
        assertThatThrownBy(() -> call().attribute("callbackDue", "tomorrow").build())
                .hasMessageContaining("attribute 'callbackDue': 'tomorrow' is not an ISO-8601 instant");
        assertThatThrownBy(() -> call().attribute(InboundMessage.FOLLOWERS, -1L))
                .hasMessageContaining("below zero");
        assertThat(call().attribute("outcome", "busy").build().attribute(CallAttributes.OUTCOME))
                .as("the text form of a typed value is accepted").contains(CallAttributes.Outcome.BUSY);
    }
}
