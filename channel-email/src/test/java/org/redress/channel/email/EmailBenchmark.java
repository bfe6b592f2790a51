package org.redress.channel.email;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelSettings;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.InboundMessage;

/**
 * Two measurements of the email channel, run by hand (see README), never in the test suite:
 * <ul>
 *   <li>{@code parse [SECONDS]}: every message of the corpus (../shared/corpus/email/CATALOG.tsv, path from
 *       -Dredress.corpus) parsed, classified and cleaned, round after round on one thread, after a warm-up;
 *       prints messages per second.</li>
 *   <li>{@code mbox SIZE [FILE]}: writes an mbox of that size (such as {@code 1g}) from the corpus messages,
 *       each with a Message-ID of its own, then reads it through the channel as intake does (batches of 100
 *       from the committed checkpoint); prints messages per second and the peak heap. Run it with -Xmx256m.</li>
 * </ul>
 */
public final class EmailBenchmark {

    private EmailBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(System.getProperty("redress.corpus", "../shared/corpus")).resolve("email");
        List<byte[]> mails = corpus(corpus);
        String mode = args.length > 0 ? args[0] : "parse";
        if (mode.equals("parse")) {
            parse(mails, args.length > 1 ? Integer.parseInt(args[1]) : 20);
        } else {
            mbox(mails, args.length > 1 ? args[1] : "1g", args.length > 2 ? Path.of(args[2]) : null);
        }
    }

    static List<byte[]> corpus(Path corpus) throws Exception {
        List<byte[]> mails = new ArrayList<>();
        for (String line : Files.readAllLines(corpus.resolve("CATALOG.tsv"))) {
            if (!line.startsWith("#") && !line.startsWith("file\t")) {
                mails.add(Files.readAllBytes(corpus.resolve(line.split("\t")[0])));
            }
        }
        return mails;
    }

    private static void parse(List<byte[]> mails, int seconds) {
        MailParser parser = new MailParser(new MachineMail(List.of("support@desk.example")),
                java.util.Optional.of(new MessageIds("benchmark-secret", "desk.example")), MailParser.Limits.DEFAULT);
        long bytes = mails.stream().mapToLong(m -> m.length).sum();
        System.out.printf("corpus: %d messages, %,d bytes%n", mails.size(), bytes);
        // on one core the JIT compilers share the CPU with the benchmark: warm up as long as a round
        run(parser, mails, seconds, "warm-up");
        for (int round = 1; round <= 3; round++) {
            run(parser, mails, seconds, "round " + round);
        }
    }

    private static void run(MailParser parser, List<byte[]> mails, int seconds, String label) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        long count = 0;
        long understood = 0;
        long textChars = 0;
        while (System.nanoTime() < end) {
            for (byte[] m : mails) {
                Inbound item = parser.parse(m, "bench", Instant.EPOCH);
                count++;
                if (item instanceof InboundMessage im) {
                    understood++;
                    textChars += im.text().length();
                }
            }
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-8s %,d messages in %.1f s: %,.0f messages/s (%d%% understood, %,d text chars)%n",
                label, count, s, count / s, 100 * understood / count, textChars);
    }

    private static void mbox(List<byte[]> mails, String size, Path given) throws Exception {
        long target = bytes(size);
        Path file = given != null ? given : Files.createTempFile("redress-mbox-", ".mbox");
        long written = 0;
        long messages = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            while (written < target) {
                for (byte[] m : mails) {
                    String text = new String(m, StandardCharsets.ISO_8859_1).replace("\r\n", "\n")
                            .replaceFirst("(?im)^message-id:[^\n]*\n", "")
                            .replaceAll("(?m)^(>*From )", ">$1");
                    byte[] record = ("From bench@example.com Mon Mar  2 10:15:00 2026\nMessage-ID: <bench-" + messages
                            + "@example.com>\n" + text + "\n").getBytes(StandardCharsets.ISO_8859_1);
                    out.write(record);
                    written += record.length;
                    messages++;
                    if (written >= target) {
                        break;
                    }
                }
            }
        }
        System.out.printf("wrote %,d messages, %,d MB to %s%n", messages, written >> 20, file);
        EmailChannelPlugin plugin = new EmailChannelPlugin();
        long read = 0;
        long quarantined = 0;
        long start = System.nanoTime();
        try (Channel channel = plugin.open(ChannelSettings.validate(plugin.descriptor(),
                Map.of("source", "mbox", "path", file.toString())), new ChannelContext("bench", Clock.systemUTC()))) {
            Checkpoint at = Checkpoint.START;
            while (true) {
                Batch b = channel.read(at, 100);
                read += b.items().size();
                quarantined += b.items().stream().filter(i -> !(i instanceof InboundMessage)).count();
                if (!b.more() || b.next().equals(at)) {
                    break;
                }
                at = b.next();
            }
        }
        double s = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("read %,d messages (%,d quarantined) of %,d MB in %.1f s: %,.0f messages/s, %.1f MB/s; "
                        + "max heap %d MB, peak heap used %d MB%n", read, quarantined, written >> 20, s, read / s,
                (written >> 20) / s, Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
        if (given == null) {
            Files.delete(file);
        }
    }

    private static long bytes(String size) {
        String s = size.toLowerCase();
        long unit = s.endsWith("g") ? 1L << 30 : s.endsWith("m") ? 1L << 20 : s.endsWith("k") ? 1L << 10 : 1;
        return Long.parseLong(unit == 1 ? s : s.substring(0, s.length() - 1)) * unit;
    }
}
