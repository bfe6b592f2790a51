package org.redress.app.acceptance;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A playbook rule's acceptance test: one running desk for the whole class, closed after it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AcceptanceTest {

    @TempDir
    static Path dir;
    AcceptanceDesk desk;

    /** How the desk tells a customer's language; by default everybody writes English (no language models loaded). */
    org.redress.core.text.LanguageDetection detection() {
        return text -> java.util.Optional.of("en");
    }

    /** How long the desk's mailbox poller waits when there is nothing new. */
    String pollEvery() {
        return "200ms";
    }

    /** Lines added to the desk's {@code redress.yaml} after its mailbox channel (another channel, indented under it). */
    String moreConfig() {
        return "";
    }

    /** Lines added to the {@code desk:} section of its {@code redress.yaml}, indented by two spaces. */
    String deskSettings() {
        return "";
    }

    /** The desk's database: "h2" (a file) or "postgresql" (a fresh database on the test server). */
    String database() {
        return "h2";
    }

    @BeforeAll
    void open() throws Exception {
        desk = new AcceptanceDesk(dir, detection(), pollEvery(), moreConfig(), deskSettings(), database());
    }

    @AfterAll
    void close() {
        if (desk != null) {
            desk.close();
        }
    }
}
