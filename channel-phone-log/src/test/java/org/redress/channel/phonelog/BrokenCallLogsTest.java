package org.redress.channel.phonelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.Quarantined;

/**
 * A careless call log loses nothing: a row whose caller is no number is quarantined at its line and the rest is read;
 * a finished export's last line counts without its line end; CR-only line ends are line ends.
 */
class BrokenCallLogsTest {

    @TempDir
    Path dir;

    String rows(int n, String badCallerAt) {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            String caller = String.valueOf(i).equals(badCallerAt) ? "tel:" : "+4072100" + String.format("%04d", i);
            s.append(Cdr.in(caller, "Caller " + i, "2026-03-02 09:" + String.format("%02d", i % 60) + ":00", "NO ANSWER",
                    "1700000000." + i, ""));
        }
        return s.toString();
    }

    @Test
    void a_row_whose_caller_is_no_number_is_quarantined_at_its_line_and_the_other_calls_are_read() throws Exception {
        Path file = Files.writeString(dir.resolve("poisoned.csv"), rows(100, "37"), StandardCharsets.UTF_8);
        List<Inbound> items = Open.all(file, "settle", "PT0S");
        assertThat(items.stream().filter(i -> i instanceof InboundMessage)).hasSize(99);
        List<Quarantined> held = items.stream().filter(i -> i instanceof Quarantined).map(Quarantined.class::cast).toList();
        assertThat(held).singleElement().satisfies(q -> {
            assertThat(q.reason()).startsWith("line 37: ");
            assertThat(new String(q.raw().bytes(), StandardCharsets.UTF_8)).contains("tel:");
        });
    }

    @Test
    void the_last_line_of_a_finished_export_is_read_without_its_line_end_and_cr_only_files_are_read() throws Exception {
        String text = rows(100, "");
        Path noFinalNewline = Files.writeString(dir.resolve("cut.csv"), text.substring(0, text.length() - 1), StandardCharsets.UTF_8);
        assertThat(Open.all(noFinalNewline, "settle", "PT0S")).hasSize(100).allMatch(i -> i instanceof InboundMessage);
        // while the PBX may still be writing it, the unfinished last line waits
        assertThat(Open.all(noFinalNewline)).hasSize(99);

        Path crOnly = Files.writeString(dir.resolve("mac.csv"), text.replace('\n', '\r'), StandardCharsets.UTF_8);
        assertThat(Open.all(crOnly, "settle", "PT0S")).hasSize(100).allMatch(i -> i instanceof InboundMessage);
        Path crlf = Files.writeString(dir.resolve("dos.csv"), text.replace("\n", "\r\n"), StandardCharsets.UTF_8);
        assertThat(Open.all(crlf, "settle", "PT0S")).hasSize(100).allMatch(i -> i instanceof InboundMessage);
    }
}
