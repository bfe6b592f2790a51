package org.redress.app.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.app.store.QuarantineShelf;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.Quarantined;
import org.redress.core.channel.RawSource;
import org.redress.core.staff.Actor;
import org.redress.core.staff.Role;

/** The quarantine use case: retry and discard, each in the desk's audit trail with who did it. */
class QuarantineTest {

    static final Actor ADAM = new Actor("adam", Role.ADMIN);
    static final String MAIL = "Message-ID: <q1@customer.example>\r\nFrom: Ana Pop <ana@customer.example>\r\nTo: support@desk.example\r\n"
            + "Subject: Broken kettle\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "The kettle you sold me leaks.\r\n";

    @TempDir
    Path dir;
    DeskFixture f;

    @BeforeEach
    void desk() {
        f = new DeskFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    long hold(String instance, String plugin, String raw) {
        Quarantined q = new Quarantined("q-" + raw.hashCode(), "parser failed (before the fix)",
                new RawSource("test:" + raw.hashCode(), "message/rfc822", raw.getBytes(StandardCharsets.UTF_8)));
        f.desk.intake(plugin, false).store(instance, new Batch(List.<Inbound>of(q), Checkpoint.of("1"), false));
        return f.desk.quarantine().open().stream().filter(i -> i.channel().equals(instance)).map(QuarantineShelf.Item::id).findFirst().orElseThrow();
    }

    List<Map<String, Object>> audit(String action) {
        return f.desk.audit().newest(100).stream().filter(a -> a.get("action").equals(action)).toList();
    }

    @Test
    void a_mail_that_reads_now_becomes_a_complaint_and_the_retry_is_audited() {
        long id = hold("support-mail", "email", MAIL);

        Quarantine.Retried r = f.desk.quarantine().retry(id, ADAM);

        assertThat(r.stored()).isTrue();
        assertThat(r.outcome()).isEqualTo("stored as a new complaint");
        assertThat(f.desk.quarantine().open()).isEmpty();
        assertThat(f.desk.complaints().require(1000).complaint().subject()).isEqualTo("Broken kettle");
        assertThat(audit("quarantine-retry")).singleElement().satisfies(a -> {
            assertThat(a.get("actor")).isEqualTo("adam");
            assertThat(a.get("subject")).isEqualTo("quarantine " + id);
            assertThat(a.get("detail")).isEqualTo("stored as a new complaint");
        });
    }

    @Test
    void a_discard_is_audited_with_its_reason_and_leaves_the_quarantine() {
        long id = hold("support-mail", "email", "not mail at all");

        f.desk.quarantine().discard(id, ADAM, "spam");

        assertThat(f.desk.quarantine().open()).isEmpty();
        assertThat(audit("quarantine-discard")).singleElement().satisfies(a -> assertThat(a.get("detail")).isEqualTo("spam"));
    }

    @Test
    void a_call_log_row_cannot_be_read_again_and_says_where_to_correct_it() {
        long id = hold("phones", "phone-log", "2026-11-24,broken row");

        assertThatThrownBy(() -> f.desk.quarantine().retry(id, ADAM)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("phone-log").hasMessageContaining("correct the file at its source");
        assertThat(f.desk.quarantine().open()).extracting(QuarantineShelf.Item::id).containsExactly(id);
    }
}
