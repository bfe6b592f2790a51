package org.redress.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.redress.core.classify.Triage;
import org.redress.core.triage.Signal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code redress triage}: the signals, priority and category of a complaint's text, as JSON. */
@Command(name = "triage", mixinStandardHelpOptions = true,
        description = "Triage a complaint's text: signals with their evidence, priority and category, as one JSON object.")
public final class TriageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TextOptions input;

    @Option(names = "--followers", paramLabel = "N", description = "The author's followers, for a public complaint.")
    Long followers;

    /** Made when the command runs: picocli builds every command at start-up, and Jackson is hundreds of classes. */
    private ObjectMapper json;
    private Triage triage;

    @Override
    public Integer call() throws Exception {
        json = new ObjectMapper();
        triage = new Triage(Triage.Policy.standard(), input.extensions());
        input.run(spec.commandLine().getOut(), this::result);
        return 0;
    }

    ObjectNode result(String body, String given) {
        TextCommands.Language language = input.language(body, given);
        Triage.Result r = triage.triage(body, language.code(), followers == null ? OptionalLong.empty() : OptionalLong.of(followers));
        ObjectNode o = json.createObjectNode();
        o.put("language", r.language());
        o.put("languageSource", language.source());
        if (!r.language().equals(language.code())) {
            o.put("note", "no triage rules for '" + language.code() + "'; read with English rules");
        } else if (language.source().equals("default")) {
            o.put("note", "language not detected; using the default " + language.code());
        }
        ArrayNode signals = o.putArray("signals");
        for (Signal s : r.signals()) {
            signals.addObject().put("code", s.code().name()).put("evidence", s.evidence()).put("start", s.start()).put("end", s.end());
        }
        o.put("priority", r.priority().name());
        o.put("category", r.category().code());
        return o;
    }
}
