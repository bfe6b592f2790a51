package org.redress.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.redress.core.guard.ReplyGuard;
import org.redress.core.promise.PromiseExtractor;
import org.redress.core.promise.PromisedTime;
import org.redress.core.time.BusinessCalendar;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code redress check-reply}: what the reply guard says about a reply before it is sent, as JSON. */
@Command(name = "check-reply", mixinStandardHelpOptions = true,
        description = "Check a reply against complaint-handling practice: findings with severity, evidence and a "
                + "suggestion, and the promises it makes, as one JSON object.")
public final class CheckReplyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TextOptions input;

    @Option(names = "--unresolved", description = "The complaint is not resolved: the reply must say when the next step comes.")
    boolean unresolved;

    @Option(names = "--apologised", description = "The complaint already has an apology.")
    boolean apologised;

    @Option(names = "--public", description = "The reply will be read in public (a social post).")
    boolean publicReply;

    @Option(names = "--now", paramLabel = "INSTANT", description = "When the reply is written (ISO-8601; default: now), for promise due times.")
    String now;

    @Option(names = "--time-zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "The desk's time zone; the business day is 09:00-17:00 on weekdays (default: ${DEFAULT-VALUE}).")
    String zone;

    /** Made when the command runs: picocli builds every command at start-up, and Jackson is hundreds of classes. */
    private ObjectMapper json;
    private ReplyGuard guard;
    private Instant writtenAt;

    @Override
    public Integer call() throws Exception {
        json = new ObjectMapper();
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--time-zone '" + zone + "' is no time zone");
        }
        try {
            writtenAt = now == null ? Instant.now() : Instant.parse(now);
        } catch (RuntimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--now '" + now + "' is not an ISO-8601 instant such as 2026-11-23T08:00:00Z");
        }
        guard = new ReplyGuard(new PromiseExtractor(BusinessCalendar.weekdays(zoneId, LocalTime.of(9, 0), LocalTime.of(17, 0),
                Set.of())), input.extensions());
        input.run(spec.commandLine().getOut(), this::result);
        return 0;
    }

    ObjectNode result(String body, String given) {
        TextCommands.Language language = input.language(body, given);
        ReplyGuard.Result r = guard.check(body, language.code(),
                new ReplyGuard.Context(unresolved, apologised, publicReply, writtenAt));
        ObjectNode o = json.createObjectNode();
        o.put("language", r.language());
        o.put("languageSource", language.source());
        o.put("checked", r.checked());
        if (language.source().equals("default")) {
            o.put("note", "language not detected; using the default " + language.code());
        }
        r.note().ifPresent(n -> o.put("note", n));
        ArrayNode findings = o.putArray("findings");
        for (ReplyGuard.Finding f : r.findings()) {
            findings.addObject().put("code", f.code().name()).put("severity", f.severity().name().toLowerCase(Locale.ROOT))
                    .put("evidence", f.evidence()).put("start", f.start()).put("end", f.end()).put("suggestion", f.suggestion());
        }
        ArrayNode promises = o.putArray("promises");
        for (PromisedTime p : r.promises()) {
            promises.addObject().put("text", p.sentence()).put("due", p.due().toString());
        }
        return o;
    }
}
