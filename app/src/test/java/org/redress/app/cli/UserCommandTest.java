package org.redress.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    Run run(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = RedressCommand.run(args, new PrintWriter(out), new PrintWriter(err));
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void users_are_added_listed_and_given_tokens_and_mistakes_are_named() {
        String db = dir.resolve("desk").toString();
        assertThat(run("", "migrate", "--db", db).out()).contains("schema up to date");
        Run added = run("correct horse battery\n", "user", "add", "ana", "--role", "agent", "--team", "billing", "--password-stdin", "--db", db);
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.out()).contains("added ana (agent)");
        assertThat(run("correct horse battery\n", "user", "add", "ana", "--role", "agent", "--password-stdin", "--db", db).err())
                .contains("there is already a user 'ana'");
        assertThat(run("short\n", "user", "add", "bob", "--role", "agent", "--password-stdin", "--db", db).err())
                .contains("at least 12 characters");
        assertThat(run("aaaaaaaaaaaaaaaa\n", "user", "add", "bob", "--role", "agent", "--password-stdin", "--db", db).err())
                .as("long enough, and still the first thing a guesser tries").contains("too easy to guess");
        assertThat(run("P@ssw0rd12345\n", "user", "add", "bob", "--role", "agent", "--password-stdin", "--db", db).err())
                .contains("too easy to guess").contains("commonly used password");
        assertThat(run("correct horse battery\n", "user", "add", "bob", "--role", "boss", "--password-stdin", "--db", db).err())
                .contains("--role: one of agent, senior, supervisor, executive, admin");
        Run list = run("", "user", "list", "--db", db);
        assertThat(list.out()).contains("ana").contains("agent").contains("billing");
        Run token = run("", "user", "token", "ana", "--db", db);
        assertThat(token.out()).startsWith("rdt_");
        assertThat(run("", "user", "token", "nobody", "--db", db).err()).contains("there is no user 'nobody'");
        Run expiring = run("", "user", "token", "ana", "--name", "nightly export", "--expires", "90d", "--db", db);
        assertThat(expiring.out()).startsWith("rdt_");
        Run tokens = run("", "user", "tokens", "ana", "--db", db);
        assertThat(tokens.out()).contains("nightly export").contains("active").doesNotContain(expiring.out().strip());
        String id = tokens.out().lines().filter(l -> l.contains("nightly export")).findFirst().orElseThrow().split("\\s+")[0];
        assertThat(run("", "user", "revoke-token", id, "--db", db).out()).contains("revoked " + id);
        assertThat(run("", "user", "tokens", "ana", "--db", db).out().lines().filter(l -> l.contains("nightly export")))
                .singleElement().asString().contains("revoked");
        assertThat(run("", "user", "revoke-token", "123456789abc", "--db", db).err()).contains("there is no token");
        assertThat(run("", "user", "deactivate", "ana", "--db", db).out()).contains("deactivated ana");
        assertThat(run("", "user", "list", "--db", db).out().lines().filter(l -> l.startsWith("ana"))).singleElement()
                .asString().contains("no");
        assertThat(run("", "user", "reactivate", "ana", "--db", db).out()).contains("reactivated ana");
        assertThat(run("another good password\n", "user", "passwd", "ana", "--password-stdin", "--db", db).out())
                .contains("password of ana changed");
        try (org.redress.app.store.Database d = org.redress.app.store.Database.open(db, 2)) {
            assertThat(new org.redress.app.store.DeskAudit(d, java.time.Clock.systemUTC()).newest(10))
                    .extracting(m -> m.get("action") + " " + m.get("subject")).contains("user-add ana", "token-create ana", "user-passwd ana");
        }
        Run report = run("", "report", "--db", db, "--format", "csv");
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(report.out()).startsWith("report,label,figure,value").contains("rates,reopened,total,0");
        assertThat(run("", "report", "--db", db, "--format", "xml").err()).contains("--format: table, csv or json");
    }
}
