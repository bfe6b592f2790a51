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

    @BeforeAll
    void open() throws Exception {
        desk = new AcceptanceDesk(dir, detection(), pollEvery());
    }

    @AfterAll
    void close() {
        if (desk != null) {
            desk.close();
        }
    }
}
