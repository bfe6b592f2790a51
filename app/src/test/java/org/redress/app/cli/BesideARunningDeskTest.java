package org.redress.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.app.store.Database;

/** A command run while another process holds the desk's H2 file says what holds it and what to do instead. */
class BesideARunningDeskTest {

    @TempDir
    Path dir;

    @Test
    void a_command_on_a_database_another_process_holds_says_so_and_what_to_do() throws Exception {
        String path = dir.resolve("desk").toString();
        try (Database held = Database.open("jdbc:h2:file:" + path, 2)) {
            Process child = new ProcessBuilder(org.redress.app.intake.ExactlyOnceCrashTest.javaCommand("report", "--db", path))
                    .redirectErrorStream(true).start();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String said = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.exitValue()).isEqualTo(1);
            assertThat(said).contains("in use by another process").contains("redress serve").contains("PostgreSQL")
                    .doesNotContain("Exception", "\tat ");
        }
    }
}
