package org.redress.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.redress.app.channels.ChannelRegistry;
import org.redress.core.channel.ChannelDescriptor;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.SettingSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code redress channels}: the channel plugins this build holds, and the settings each takes. */
@Command(name = "channels", mixinStandardHelpOptions = true,
        description = "List the channel plugins found on the class path (id, name, version).")
public final class ChannelsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON (with each plugin's settings) instead of a table.")
    boolean json;

    @Option(names = "--settings", description = "Also list each plugin's settings in the table.")
    boolean settings;

    @Override
    public Integer call() throws JsonProcessingException {
        List<ChannelPlugin> plugins = ChannelRegistry.discover().plugins();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(plugins.stream().map(p -> asMap(p.descriptor())).toList()));
            return 0;
        }
        Table table = new Table("ID", "NAME", "VERSION", "REPLIES");
        for (ChannelPlugin p : plugins) {
            ChannelDescriptor d = p.descriptor();
            table.row(d.id(), d.displayName(), d.version(), d.canReply() ? "yes" : "no");
        }
        table.print(out);
        if (settings) {
            for (ChannelPlugin p : plugins) {
                out.println();
                out.println(p.descriptor().id() + " settings:");
                Table s = new Table("  KEY", "TYPE", "REQUIRED", "DEFAULT", "DESCRIPTION");
                for (SettingSpec setting : p.descriptor().settings()) {
                    s.row("  " + setting.key(), setting.type().name().toLowerCase(), setting.required() ? "yes" : "no",
                            setting.defaultValue().orElse(""), setting.description());
                }
                s.print(out);
            }
        }
        return 0;
    }

    private static Map<String, Object> asMap(ChannelDescriptor d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("name", d.displayName());
        m.put("version", d.version());
        m.put("canReply", d.canReply());
        m.put("settings", d.settings().stream().map(s -> {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("key", s.key());
            sm.put("type", s.type().name().toLowerCase());
            sm.put("required", s.required());
            sm.put("default", s.defaultValue().orElse(null));
            if (!s.choices().isEmpty()) {
                sm.put("choices", s.choices());
            }
            sm.put("description", s.description());
            return sm;
        }).toList());
        return m;
    }
}
