package org.redress.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

    @TempDir
    Path dir;

    @Test
    void an_import_is_idempotent_and_says_what_it_did_as_json() throws Exception {
        Path mbox = Files.writeString(dir.resolve("archive.mbox"),
                "From a@x Mon Nov 23 10:00:00 2026\nMessage-ID: <i1@customer.example>\nFrom: ana@customer.example\n"
                        + "Subject: Broken kettle\n\nThe kettle leaks.\n\n"
                        + "From a@x Mon Nov 23 11:00:00 2026\nMessage-ID: <i2@customer.example>\nFrom: ana@customer.example\n"
                        + "In-Reply-To: <i1@customer.example>\nSubject: Re: Broken kettle\n\nAny news?\n\n"
                        + "From x@x Mon Nov 23 12:00:00 2026\n\u0000\u0001 not mail\n", StandardCharsets.ISO_8859_1);
        String db = dir.resolve("desk").toString();
        CliTest.Result first = CliTest.run("import", "email", mbox.toString(), "--db", db, "--json");
        assertThat(first.code()).as(first.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(first.out());
        assertThat(summary.get("read").asLong()).isEqualTo(3);
        assertThat(summary.get("created").asLong()).isEqualTo(1);
        assertThat(summary.get("appended").asLong()).isEqualTo(1);
        assertThat(summary.get("duplicates").asLong()).isZero();
        assertThat(summary.get("quarantined").asLong()).isEqualTo(1);

        CliTest.Result again = CliTest.run("import", "email", mbox.toString(), "--db", db, "--json");
        assertThat(new ObjectMapper().readTree(again.out()).get("read").asLong()).as("nothing new to read").isZero();
    }

    @Test
    void wrong_arguments_say_what_is_wrong() {
        CliTest.Result missing = CliTest.run("import", "email", dir.resolve("nope.mbox").toString(), "--db", dir.resolve("d").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.mbox: no such file or folder");
        CliTest.Result kind = CliTest.run("import", "fax", dir.toString());
        assertThat(kind.code()).isEqualTo(2);
        assertThat(kind.err()).contains("unknown KIND 'fax'");
        CliTest.Result db = CliTest.run("import", "email", dir.toString(), "--db", "jdbc:postgresql://127.0.0.1:1/none");
        assertThat(db.code()).isEqualTo(1);
        assertThat(db.err()).contains("cannot open the database jdbc:postgresql://127.0.0.1:1/none");
    }
}
