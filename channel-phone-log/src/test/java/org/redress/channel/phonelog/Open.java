package org.redress.channel.phonelog;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelSettings;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.InboundMessage;

/** Test helpers: open the plugin on a file and read all of it. */
final class Open {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

    private Open() {
    }

    static Channel channel(Path file, String... settings) throws Exception {
        Map<String, String> raw = new HashMap<>();
        raw.put("file", file.toString());
        for (int i = 0; i < settings.length; i += 2) {
            raw.put(settings[i], settings[i + 1]);
        }
        PhoneLogChannelPlugin plugin = new PhoneLogChannelPlugin();
        return plugin.open(ChannelSettings.validate(plugin.descriptor(), raw), new ChannelContext("test", CLOCK));
    }

    static List<Inbound> all(Path file, String... settings) throws Exception {
        try (Channel c = channel(file, settings)) {
            return readAll(c, 1000);
        }
    }

    static List<Inbound> readAll(Channel c, int batch) throws Exception {
        List<Inbound> items = new ArrayList<>();
        Checkpoint at = Checkpoint.START;
        while (true) {
            Batch b = c.read(at, batch);
            items.addAll(b.items());
            if (!b.more() || b.next().equals(at)) {
                return items;
            }
            at = b.next();
        }
    }

    static List<InboundMessage> messages(List<Inbound> items) {
        return items.stream().filter(InboundMessage.class::isInstance).map(InboundMessage.class::cast).toList();
    }

    static String outcome(InboundMessage m) {
        return m.attributes().get(Calls.OUTCOME);
    }
}
