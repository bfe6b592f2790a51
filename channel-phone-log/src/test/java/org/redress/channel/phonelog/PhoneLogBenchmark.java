package org.redress.channel.phonelog;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Channel;
import org.redress.core.channel.Checkpoint;

/**
 * Reads an Asterisk Master.csv through the channel, as the desk's intake does (batches of 1000 from the
 * committed checkpoint), on one thread, and reports rows per second and the heap it needed. Run (see README):
 * <pre>
 * mvn -B -q -pl channel-phone-log -am install -DskipTests
 * mvn -B -q -pl channel-phone-log dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx64m -cp channel-phone-log/target/classes:channel-phone-log/target/test-classes:$(cat channel-phone-log/target/cp.txt) \
 *      org.redress.channel.phonelog.PhoneLogBenchmark 1000000        # rows, or a size such as 1g
 * </pre>
 */
public final class PhoneLogBenchmark {

    private PhoneLogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String size = args.length > 0 ? args[0] : "1000000";
        Path file = args.length > 1 ? Path.of(args[1]) : Files.createTempFile("redress-cdr-", ".csv");
        long bytes = write(file, size);
        long rows = 0;
        long calls = 0;
        long start = System.nanoTime();
        try (Channel channel = Open.channel(file, "time-zone", "Europe/London", "default-region", "GB")) {
            Checkpoint at = Checkpoint.START;
            while (true) {
                Batch b = channel.read(at, 1000);
                calls += b.items().size();
                if (!b.more() || b.next().equals(at)) {
                    rows = Long.parseLong(b.next().value().split(":")[1]);
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
        System.out.printf("%,d rows (%,d MB) -> %,d calls in %.1f s: %,.0f rows/s, %.1f MB/s; max heap %d MB, peak heap used %d MB%n",
                rows, bytes >> 20, calls, seconds, rows / seconds, (bytes >> 20) / seconds,
                Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
        if (args.length < 2) {
            Files.delete(file);
        }
    }

    /** Writes realistic 18-column rows: answered, missed and queue calls, some with two legs. */
    private static long write(Path file, String size) throws Exception {
        long limitBytes = Long.MAX_VALUE;
        long limitRows = Long.MAX_VALUE;
        String s = size.toLowerCase();
        if (s.endsWith("g") || s.endsWith("m")) {
            limitBytes = Long.parseLong(s.substring(0, s.length() - 1)) << (s.endsWith("g") ? 30 : 20);
        } else {
            limitRows = Long.parseLong(s);
        }
        Random r = new Random(7);
        String[] dispositions = {"ANSWERED", "ANSWERED", "ANSWERED", "NO ANSWER", "BUSY", "FAILED"};
        long written = 0;
        long rows = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (written < limitBytes && rows < limitRows) {
                String caller = "+4477009" + (10000 + r.nextInt(89999));
                String disposition = dispositions[r.nextInt(dispositions.length)];
                boolean answered = disposition.equals("ANSWERED");
                int minute = (int) (rows / 30 % 60);
                String time = String.format("2025-03-%02d %02d:%02d:%02d", 1 + (int) (rows / 86_400 % 28),
                        (int) (rows / 3600 % 24), minute, (int) (rows % 60));
                String line = "\"\",\"" + caller + "\",\"100\",\"from-trunk\",\"\"\"Customer " + rows + "\"\" <" + caller
                        + ">\",\"PJSIP/trunk-" + rows + "\",\"" + (answered ? "PJSIP/201-" + rows : "") + "\",\"Dial\","
                        + "\"PJSIP/201,30,tT\",\"" + time + "\"," + (answered ? "\"" + time + "\"" : "") + ",\"" + time + "\","
                        + r.nextInt(900) + "," + (answered ? r.nextInt(800) : 0) + ",\"" + disposition
                        + "\",\"DOCUMENTATION\",\"" + (1_741_000_000L + rows / 2) + "." + (rows / 2) + "\",\"\"\n";
                w.write(line);
                written += line.length();
                rows++;
            }
        }
        return Files.size(file);
    }
}
