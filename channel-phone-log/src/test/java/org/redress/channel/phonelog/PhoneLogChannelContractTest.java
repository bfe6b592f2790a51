package org.redress.channel.phonelog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.testkit.ChannelContract;
import org.redress.core.channel.testkit.Scenario;

class PhoneLogChannelContractTest extends ChannelContract {

    @Override
    protected ChannelPlugin plugin() {
        return new PhoneLogChannelPlugin();
    }

    @Override
    protected Map<String, String> prepare(Scenario scenario, Path dir) throws Exception {
        String csv = switch (scenario) {
            case ORDINARY -> Cdr.in("+40721000001", "Ana Pop", "2026-03-02 09:00:00", "ANSWERED", "1772442000.1", "")
                    + Cdr.in("+40721000002", "Ion", "2026-03-02 09:05:00", "NO ANSWER", "1772442300.2", "")
                    + "\n"
                    + Cdr.in("anonymous", "Anonymous", "2026-03-02 09:07:00", "BUSY", "1772442420.3", "");
            case GARBAGE -> Cdr.in("+40721000001", "Ana", "2026-03-02 09:00:00", "ANSWERED", "1772442000.1", "")
                    + "\"only\",\"three\",\"columns\"\n"
                    + Cdr.in("+40721000002", "Ion", "yesterday", "ANSWERED", "1772442300.2", "")
                    + Cdr.in("+40721000003", "Bob", "2026-03-02 09:09:00", "EXPLODED", "1772442540.4", "")
                    + Cdr.in("+40721000004", "Eva", "2026-03-02 09:10:00", "ANSWERED", "1772442600.5", "");
            case AUTOMATED -> Cdr.in("+40721000002", "Ion", "2026-03-02 09:05:00", "NO ANSWER", "1772442300.2", "")
                    + Cdr.out("201", "Agent Alice", "+40721000002", "2026-03-02 10:00:00", "1772445600.6", "");
            case FOLLOW_UP -> Cdr.in("+40721000002", "Ion", "2026-03-02 09:05:00", "NO ANSWER", "1772442300.2", "")
                    + Cdr.in("+40721000002", "Ion", "2026-03-02 11:00:00", "ANSWERED", "1772449200.7", "callback:1772442300.2");
        };
        Path file = dir.resolve("Master.csv");
        Files.writeString(file, csv);
        return Map.of(PhoneLogChannelPlugin.FILE, file.toString(), PhoneLogChannelPlugin.TIME_ZONE, "Europe/Bucharest");
    }
}
