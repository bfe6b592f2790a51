package ${package};

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.OutboundReply;
import org.redress.core.channel.SenderIdentity;
import org.redress.core.channel.Visibility;
import org.redress.core.channel.testkit.ChannelContract;
import org.redress.core.channel.testkit.Scenario;

/**
 * The contract every Redress channel keeps, from core's test kit: discovery, settings, stable ids, no side effect
 * while reading, garbage quarantined, machine traffic marked, threading, delivery idempotent on the reply id,
 * awaitNew within its bound, progress. Each scenario below is sample input in this channel's own format; when you
 * replace the sample source, write the same four scenarios in yours.
 */
class ${className}ChannelContractTest extends ChannelContract {

    @Override
    protected ChannelPlugin plugin() {
        return new ${className}ChannelPlugin();
    }

    private static String line(String id, String sentAt, String from, String inReplyTo, String automated, String text) {
        return String.join("\t", id, sentAt, from, inReplyTo, automated, text) + "\n";
    }

    @Override
    protected Map<String, String> prepare(Scenario scenario, Path dir) throws Exception {
        String messages = switch (scenario) {
            case ORDINARY -> line("m-1", "2026-11-23T08:00:00Z", "ana@customer.example", "", "", "You charged me twice for November.")
                    + line("m-2", "2026-11-23T08:05:00Z", "ion@customer.example", "", "", "My parcel never arrived.")
                    + "\n"
                    + line("m-3", "2026-11-23T08:10:00Z", "eva@customer.example", "", "", "The app logs me out every hour.");
            case GARBAGE -> line("m-1", "2026-11-23T08:00:00Z", "ana@customer.example", "", "", "You charged me twice.")
                    + "only\tthree\tcolumns\n"
                    + line("m-2", "yesterday", "ion@customer.example", "", "", "My parcel never arrived.")
                    + line("m-3", "2026-11-23T08:10:00Z", "eva@customer.example", "", "", "Still waiting.");
            case AUTOMATED -> line("m-1", "2026-11-23T08:00:00Z", "noreply@shop.example", "", "out of office", "I am away until Monday.")
                    + line("m-2", "2026-11-23T08:05:00Z", "ion@customer.example", "", "", "My parcel never arrived.");
            case FOLLOW_UP -> line("m-1", "2026-11-23T08:00:00Z", "ana@customer.example", "", "", "You charged me twice.")
                    + line("m-2", "2026-11-23T09:00:00Z", "ana@customer.example", "m-1", "", "Any news on the refund?");
        };
        Files.writeString(dir.resolve(${className}Channel.MESSAGES), messages);
        return Map.of(${className}ChannelPlugin.FOLDER, dir.toString());
    }

    @Override
    protected Optional<ReplyTarget> replyTarget(Path dir) {
        return Optional.of(new ReplyTarget() {
            @Override
            public Map<String, String> settings() {
                return Map.of(${className}ChannelPlugin.FOLDER, dir.toString());
            }

            @Override
            public OutboundReply reply(String replyId) {
                return new OutboundReply(replyId, SenderIdentity.email("ana@customer.example", "Ana Pop"),
                        "Re: Charged twice", "Dear Ana, the second payment is refunded today.", List.of(), Visibility.PRIVATE, false);
            }

            @Override
            public int arrived() throws Exception {
                Path outbox = dir.resolve("outbox");
                if (!Files.isDirectory(outbox)) {
                    return 0;
                }
                try (Stream<Path> files = Files.list(outbox)) {
                    return (int) files.filter(p -> p.getFileName().toString().endsWith(".txt")).count();
                }
            }
        });
    }
}
