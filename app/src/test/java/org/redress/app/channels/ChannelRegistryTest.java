package org.redress.app.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelDescriptor;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.ChannelSettings;

class ChannelRegistryTest {

    record Named(String id) implements ChannelPlugin {
        @Override
        public ChannelDescriptor descriptor() {
            return new ChannelDescriptor(id, id, "1", List.of(), false);
        }

        @Override
        public Channel open(ChannelSettings settings, ChannelContext context) {
            throw new IllegalStateException("not opened in these tests");
        }
    }

    @Test
    void discovers_the_three_channels_on_the_class_path() {
        assertThat(ChannelRegistry.discover().plugins()).extracting(p -> p.descriptor().id())
                .containsExactly("email", "phone-log", "social");
    }

    @Test
    void an_unknown_id_names_the_known_ones() {
        assertThatThrownBy(() -> ChannelRegistry.discover().require("emial"))
                .isInstanceOf(ChannelRegistryException.class)
                .hasMessage("no channel plugin has the id 'emial'; known ids: email, phone-log, social");
    }

    @Test
    void two_plugins_with_one_id_stop_start_up() {
        assertThatThrownBy(() -> ChannelRegistry.of(List.of(new Named("fax"), new Named("fax"))))
                .hasMessageContaining("two channel plugins claim the id 'fax'");
    }

    @Test
    void an_empty_registry_says_a_jar_may_be_missing() {
        assertThatThrownBy(() -> ChannelRegistry.of(List.of()).require("email"))
                .hasMessageContaining("is a channel jar missing from the class path?");
    }
}
