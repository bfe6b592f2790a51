package org.redress.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.app.store.Database;

class QuarantineCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RedressCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void quarantined_mail_is_listed_retried_and_discarded() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.write(inbox.resolve("garbage.eml"), new byte[] {0, 1, 2, 3, 0, 0, 5});
        String db = dir.resolve("desk").toString();
        assertThat(run("import", "email", inbox.toString(), "--db", db, "--json").out()).contains("\"quarantined\":1");
        Run list = run("quarantine", "list", "--db", db);
        assertThat(list.out()).contains("garbage.eml");
        long garbage = Long.parseLong(list.out().strip().split("\\s+")[0]);

        // still unreadable: it stays, with the reason, and the command says so
        Run again = run("quarantine", "retry", String.valueOf(garbage), "--db", db);
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.out()).contains("still unreadable");

        // a mail quarantined by an older parser that reads now (here: put there by hand) is stored on retry
        byte[] good = ("Message-ID: <fixed@customer.example>\r\nFrom: ana@customer.example\r\nSubject: Refund missing\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nMy refund never arrived.\r\n").getBytes(StandardCharsets.UTF_8);
        try (Database d = Database.open(db, 2)) {
            d.jdbi().useHandle(h -> h.createUpdate("insert into quarantine (instance, external_id, reason, location, media_type, raw, "
                            + "received_at, status) values (:i, 'old-1', 'parser bug', 'old.eml', 'message/rfc822', :raw, :now, 'open')")
                    .bind("i", "import:email:" + inbox.toAbsolutePath().normalize()).bind("raw", good)
                    .bind("now", OffsetDateTime.now()).execute());
        }
        long fixed = garbage + 1;
        Run stored = run("quarantine", "retry", String.valueOf(fixed), "--db", db);
        assertThat(stored.code()).as(stored.err()).isZero();
        assertThat(stored.out()).contains("stored as a new complaint");
        assertThat(run("quarantine", "retry", String.valueOf(fixed), "--db", db).err()).contains("is retried, not open");

        assertThat(run("quarantine", "discard", String.valueOf(garbage), "--db", db).out()).contains("discarded");
        assertThat(run("quarantine", "list", "--db", db).out()).contains("the quarantine is empty");
        assertThat(run("quarantine", "discard", "999", "--db", db).err()).contains("there is no open quarantine record 999");
    }
}
