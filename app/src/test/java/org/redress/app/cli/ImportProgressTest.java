package org.redress.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportProgressTest {

    @TempDir
    Path dir;

    /** The bar is drawn from what the channel says of its progress (Batch.progress), never from its checkpoints. */
    @Test
    void an_import_draws_a_progress_bar_and_ends_with_a_summary() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("inbox"));
        for (int i = 0; i < 5; i++) {
            Files.writeString(folder.resolve("0" + i + ".eml"), "Message-ID: <p" + i + "@x.example>\r\nFrom: c" + i + "@x.example\r\n"
                    + "Subject: Late order " + i + "\r\n\r\nMy order " + i + " is late.\r\n");
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RedressCommand.run(new String[] {"import", "email", folder.toString(), "--db", dir.resolve("desk").toString(), "--batch", "2"},
                new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("[##########..............]  40%").contains("[########################] 100%");
        assertThat(out.toString()).contains("read 5, created 5 complaints");
    }
}
