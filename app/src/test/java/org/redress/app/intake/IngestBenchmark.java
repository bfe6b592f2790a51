package org.redress.app.intake;

import org.redress.app.config.DeskConfig;
import org.redress.app.desk.Desk;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.redress.app.channels.ChannelRegistry;
import org.redress.app.language.LinguaDetection;
import org.redress.app.store.Database;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.ChannelSettings;
import org.redress.core.classify.Triage;
import org.redress.core.intake.IntakeRunner;

/**
 * End-to-end ingest into the desk's H2 database, run by hand (README): the corpus mix
 * (../shared/corpus/email/CATALOG.tsv, -Dredress.corpus) replicated to N messages with Message-IDs of their own
 * in an mbox, imported through the email channel and {@link DeskIntake} (parse, classify, clean, dedupe,
 * thread, detect the language, triage, route, store) in batches of 200; and, for scale, bare Angus parsing
 * of the same messages. Prints messages per second of both and their ratio.
 */
public final class IngestBenchmark {

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path corpus = Path.of(System.getProperty("redress.corpus", "../shared/corpus")).resolve("email");
        List<byte[]> mix = new ArrayList<>();
        for (String line : Files.readAllLines(corpus.resolve("CATALOG.tsv"))) {
            if (!line.startsWith("#") && !line.startsWith("file\t")) {
                mix.add(Files.readAllBytes(corpus.resolve(line.split("\t")[0])));
            }
        }
        Path work = Files.createTempDirectory("redress-ingest-");
        Path mbox = work.resolve("mix.mbox");
        List<byte[]> messages = new ArrayList<>(n);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(mbox), 1 << 20)) {
            for (int i = 0; i < n; i++) {
                String text = new String(mix.get(i % mix.size()), StandardCharsets.ISO_8859_1).replace("\r\n", "\n")
                        .replaceFirst("(?im)^message-id:[^\n]*\n", "").replaceAll("(?m)^(>*From )", ">$1");
                byte[] message = ("Message-ID: <ingest-" + i + "@example.com>\n" + text).getBytes(StandardCharsets.ISO_8859_1);
                messages.add(message);
                out.write("From bench@example.com Mon Mar  2 10:15:00 2026\n".getBytes(StandardCharsets.US_ASCII));
                out.write(message);
                out.write('\n');
            }
        }
        System.out.printf("%,d messages, %,d MB%n", n, Files.size(mbox) >> 20);

        LinguaDetection detection = new LinguaDetection(Triage.LANGUAGES);
        detection.detect("warm the models up");
        ChannelPlugin email = ChannelRegistry.discover().require("email");
        long start = System.nanoTime();
        DeskIntake.Counts counts;
        double stored;
        try (Database db = Database.open("jdbc:h2:file:" + work.resolve("desk"), 4);
             Channel channel = email.open(ChannelSettings.validate(email.descriptor(), Map.of("source", "mbox", "path", mbox.toString())),
                     new ChannelContext("bench", Clock.systemUTC()))) {
            DeskIntake intake = Desk.open(db, DeskConfig.defaults("bench"), ChannelRegistry.discover(), detection, Clock.systemUTC())
                    .intake("email", true);
            long[] storing = {0};
            org.redress.core.intake.InboundStore timed = new org.redress.core.intake.InboundStore() {
                @Override
                public org.redress.core.channel.Checkpoint checkpoint(String instance) {
                    return intake.checkpoint(instance);
                }

                @Override
                public org.redress.core.intake.IntakeCounts store(String instance, org.redress.core.channel.Batch batch) {
                    long t = System.nanoTime();
                    try {
                        return intake.store(instance, batch);
                    } finally {
                        storing[0] += System.nanoTime() - t;
                    }
                }
            };
            // the search job runs beside intake as it does in serve (every 2 s, up to 5,000 waiting changes a run)
            var searchJob = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
            // -Dbench.searchEvery=0 leaves all indexing to the end, to measure storing and indexing apart
            long every = Long.getLong("bench.searchEvery", 2);
            if (every > 0) {
                searchJob.scheduleWithFixedDelay(() -> db.indexPending(5_000), every, every, java.util.concurrent.TimeUnit.SECONDS);
            }
            new IntakeRunner(timed, 200).drain("bench", Boolean.getBoolean("bench.assessInStore") ? new PrefetchingChannel(channel)
                    : new PrefetchingChannel(channel, intake::assessAhead));
            counts = intake.counts();
            stored = n / ((System.nanoTime() - start) / 1e9);
            System.out.printf("of %.1f s, the desk stored (assessed, wrote, committed) for %.1f s; the rest was waiting for the channel%n",
                    (System.nanoTime() - start) / 1e9, storing[0] / 1e9);
            searchJob.shutdown();
            searchJob.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            long waiting = db.jdbi().withHandle(h -> h.createQuery("select count(*) from search_pending").mapTo(Long.class).one());
            long t = System.nanoTime();
            db.indexPending(Integer.MAX_VALUE);
            System.out.printf("%,d changes were still waiting for the search index when the last message was stored: indexed in %.1f s%n",
                    waiting, (System.nanoTime() - t) / 1e9);
            System.out.println("words in the search index: " + db.jdbi().withHandle(h -> h.createQuery(
                    "select count(*) || ' rows, ' || count(distinct term) || ' distinct' from search_term").mapTo(String.class).one()));
        }
        double ingest = n / ((System.nanoTime() - start) / 1e9);
        System.out.printf("ingest into H2: %,.0f messages/s stored, %,.0f messages/s stored and indexed for search (%s)%n", stored, ingest,
                counts);

        // the email channel alone (parse, decode, clean HTML, trim quotes, recognise machine mail), nothing stored: the
        // ceiling for ingest, since the desk cannot store faster than its channel reads
        double channelAlone = 0;
        for (int round = 0; round < 2; round++) {
            try (Channel channel = email.open(ChannelSettings.validate(email.descriptor(), Map.of("source", "mbox", "path", mbox.toString())),
                    new ChannelContext("bench", Clock.systemUTC()))) {
                long t = System.nanoTime();
                long items = 0;
                org.redress.core.channel.Checkpoint at = org.redress.core.channel.Checkpoint.START;
                while (true) {
                    org.redress.core.channel.Batch batch = channel.read(at, 200);
                    items += batch.items().size();
                    at = batch.next();
                    if (!batch.more()) {
                        break;
                    }
                }
                double rate = n / ((System.nanoTime() - t) / 1e9);
                channelAlone = Math.max(channelAlone, rate);
                System.out.printf("the email channel alone (round %d): %,.0f messages/s (%,d items)%n", round + 1, rate, items);
            }
        }
        Properties props = new Properties();
        props.setProperty("mail.mime.address.strict", "false");
        Session session = Session.getInstance(props);
        for (int round = 0; round < 2; round++) {
            start = System.nanoTime();
            for (byte[] m : messages) {
                try {
                    MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(m));
                    message.getSubject();
                    message.getFrom();
                    walk(message);
                } catch (Exception e) {
                    // bare parsing: what fails, fails
                }
            }
            double bare = n / ((System.nanoTime() - start) / 1e9);
            System.out.printf("bare Angus parse (round %d): %,.0f messages/s; ingest is %.2f of it (stored alone %.2f, the channel alone %.2f)%n",
                    round + 1, bare, ingest / bare, stored / bare, channelAlone / bare);
        }
    }

    private static void walk(Part part) throws Exception {
        Object content;
        try {
            content = part.getContent();
        } catch (Exception e) {
            return;
        }
        if (content instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                walk(mp.getBodyPart(i));
            }
        } else if (content instanceof MimeMessage inner) {
            walk(inner);
        } else {
            try (var in = part.getInputStream()) {
                in.readAllBytes();
            } catch (Exception e) {
                // unreadable part
            }
        }
    }
}
