package org.redress.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.redress.app.channels.ChannelRegistry;
import org.redress.app.intake.DeskIntake;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.ChannelSettings;
import org.redress.core.intake.IntakeRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code redress import email|calls|social PATH}: stores a file's messages in the desk through the same intake
 * as a live channel: deduplicated, threaded, triaged, each batch in one transaction with its checkpoint. So an
 * import is idempotent, and one killed half-way and started again stores every message exactly once.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Store the messages of a file in the desk: email (.eml file or folder, mbox, Maildir), calls "
                + "(a CDR or notes file) or social (a network's JSON export). Idempotent; safe to stop and run again.")
public final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "email, calls or social.")
    String kind;

    @Parameters(index = "1", paramLabel = "PATH", description = "The file or folder to import.")
    Path path;

    @Mixin
    DeskOptions desk;

    @Option(names = "--source", paramLabel = "SOURCE",
            description = "For email: eml, mbox or maildir (default: a folder with new/ and cur/ is a Maildir, a file "
                    + "starting with 'From ' an mbox, anything else .eml).")
    String source;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "asterisk",
            description = "For calls: asterisk, freeswitch, cti, notes (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--network", paramLabel = "NETWORK", defaultValue = "x", description = "For social: x or mastodon.")
    String network;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "200", description = "Messages per transaction.")
    int batch;

    @Option(names = "--historic", description = "An archive: each new complaint is history, received when its sender "
            + "says and stored closed, with no clock running, no acknowledgement and no escalation. Without it an import "
            + "is a desk's work: its complaints' clocks start now.")
    boolean historic;

    @Option(names = "--json", description = "Print the summary as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException(path + ": no such file or folder");
        }
        Path absolute = path.toAbsolutePath().normalize();
        Map<String, String> settings = new LinkedHashMap<>();
        String plugin;
        switch (kind) {
            case "email" -> {
                plugin = "email";
                settings.put("source", source != null ? source : guessEmailSource(absolute));
                settings.put("path", absolute.toString());
                settings.put("settle", "PT0S"); // an archive is complete; nothing is being written into it
            }
            case "calls" -> {
                plugin = "phone-log";
                settings.put("file", absolute.toString());
                settings.put("format", format);
                settings.put("settle", "PT0S"); // an export is finished: its last line counts without a line end
            }
            case "social" -> {
                plugin = "social";
                settings.put("file", absolute.toString());
                settings.put("network", network);
            }
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown KIND '" + kind + "': use email, calls or social");
        }
        ChannelPlugin channelPlugin = ChannelRegistry.discover().require(plugin);
        // one instance per imported path: importing it again continues where it stopped
        String instance = "import:" + kind + ":" + absolute;
        PrintWriter err = spec.commandLine().getErr();
        try (DeskOptions.Opened opened = desk.open(2);
             Channel channel = channelPlugin.open(ChannelSettings.validate(channelPlugin.descriptor(), settings),
                     new ChannelContext(instance, Clock.systemUTC()))) {
            // routed, timed and escalated by the desk's configuration, like a live channel; old mail gets no acknowledgement
            DeskIntake intake = opened.desk().intake(plugin, historic ? DeskIntake.Mode.HISTORY : DeskIntake.Mode.QUIET);
            new IntakeRunner(new Progress(intake, err, json), batch).drain(instance,
                    new org.redress.app.intake.PrefetchingChannel(channel, intake::assessAhead));
            DeskIntake.Counts c = intake.counts();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Long> summary = new LinkedHashMap<>();
                summary.put("read", c.read());
                summary.put("created", c.created());
                summary.put("appended", c.appended());
                summary.put("systemEntries", c.systemEntries());
                summary.put("parked", c.parked());
                summary.put("duplicates", c.duplicates());
                summary.put("quarantined", c.quarantined());
                out.println(new ObjectMapper().writeValueAsString(summary));
            } else {
                out.printf("%s: read %d, created %d complaints, appended %d follow-ups, %d system entries, %d parked, "
                                + "%d already stored, %d quarantined (database %s)%n", path, c.read(), c.created(), c.appended(),
                        c.systemEntries(), c.parked(), c.duplicates(), c.quarantined(), opened.database().url());
            }
            out.flush();
            return 0;
        } catch (ChannelException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    static String guessEmailSource(Path path) throws java.io.IOException {
        if (Files.isDirectory(path)) {
            return Files.isDirectory(path.resolve("new")) && Files.isDirectory(path.resolve("cur")) ? "maildir" : "eml";
        }
        byte[] head;
        try (var in = Files.newInputStream(path)) {
            head = in.readNBytes(5);
        }
        return new String(head, StandardCharsets.US_ASCII).equals("From ") ? "mbox" : "eml";
    }

    /** Prints how far the import is, on standard error, after every stored batch. */
    private static final class Progress implements org.redress.core.intake.InboundStore {
        private final DeskIntake intake;
        private final PrintWriter err;
        private final boolean quiet;

        Progress(DeskIntake intake, PrintWriter err, boolean quiet) {
            this.intake = intake;
            this.err = err;
            this.quiet = quiet;
        }

        @Override
        public org.redress.core.channel.Checkpoint checkpoint(String instance) {
            return intake.checkpoint(instance);
        }

        @Override
        public org.redress.core.intake.IntakeCounts store(String instance, org.redress.core.channel.Batch batch) {
            org.redress.core.intake.IntakeCounts counts = intake.store(instance, batch);
            if (!quiet) {
                DeskIntake.Counts c = intake.counts();
                // the channel says how far it is when its source has a size; a checkpoint stays opaque here
                double done = !batch.more() ? 1.0 : batch.progress().map(org.redress.core.channel.Batch.Progress::share).orElse(0.0);
                int filled = (int) Math.round(done * 24);
                err.printf("\r[%s%s] %3d%% imported %,d messages (%,d complaints, %,d follow-ups, %,d already stored, %,d quarantined)",
                        "#".repeat(filled), ".".repeat(24 - filled), Math.round(done * 100), c.read(), c.created(), c.appended(),
                        c.duplicates(), c.quarantined());
                if (!batch.more()) {
                    err.println();
                }
                err.flush();
            }
            return counts;
        }
    }
}
