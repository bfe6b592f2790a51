package org.redress.channel.social;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelSettings;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.Quarantined;

/**
 * Reads a social export through the channel as the desk's intake does (batches of 500 from the last checkpoint)
 * and reports statuses per second and the heap it needed. The export is written newest first, as the networks
 * give it, so the channel has to put it in id order. Run (see README):
 * <pre>
 * mvn -B -q -pl channel-social -am install -DskipTests
 * mvn -B -q -pl channel-social dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx256m -cp channel-social/target/classes:channel-social/target/test-classes:$(cat channel-social/target/cp.txt) \
 *      org.redress.channel.social.SocialBenchmark 1000000 [x|mastodon]
 * </pre>
 */
public final class SocialBenchmark {

    private SocialBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int statuses = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String network = args.length > 1 ? args[1] : "mastodon";
        Path file = Files.createTempFile("redress-social-", ".json");
        try {
            long bytes = write(file, statuses, network);
            long messages = 0;
            long quarantined = 0;
            long start = System.nanoTime();
            SocialChannelPlugin plugin = new SocialChannelPlugin();
            try (Channel channel = plugin.open(ChannelSettings.validate(plugin.descriptor(), Map.of("file", file.toString(),
                    "network", network, "own-handle", "acme")), new ChannelContext("bench", Clock.systemUTC()))) {
                Checkpoint at = Checkpoint.START;
                while (true) {
                    Batch b = channel.read(at, 500);
                    for (var item : b.items()) {
                        if (item instanceof Quarantined) {
                            quarantined++;
                        } else {
                            messages++;
                        }
                    }
                    if (!b.more() || b.next().equals(at)) {
                        break;
                    }
                    at = b.next();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf("%,d %s statuses (%,d MB) -> %,d messages, %,d quarantined in %.1f s: %,.0f statuses/s; "
                            + "max heap %d MB, peak heap used %d MB%n", statuses, network, bytes >> 20, messages, quarantined,
                    seconds, statuses / seconds, Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
            if (messages + quarantined != statuses) {
                throw new AssertionError("read " + (messages + quarantined) + " of " + statuses);
            }
        } finally {
            Files.delete(file);
        }
    }

    /** Newest first, as an API page or an account export lists them. */
    private static long write(Path file, int statuses, String network) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("[");
            for (int i = statuses; i >= 1; i--) {
                String id = Long.toString(110_000_000_000_000_000L + i * 7L);
                String text = "Order " + i + " is late again, nobody answers the phone. Where is my refund?";
                w.write(network.equals("x")
                        ? Posts.x(id, "customer" + (i % 5000), "Customer " + i, i % 900, "@acme " + text, null)
                        : Posts.mastodon(id, "customer" + (i % 5000) + "@social.example", "<p>@acme " + text + "</p>",
                                "public", null, false));
                w.write(i > 1 ? ",\n" : "]\n");
            }
        }
        return Files.size(file);
    }
}
