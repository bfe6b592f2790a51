package org.redress.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Security finding 1 (#19): an erasure must leave the customer's personal data nowhere. A customer is seeded into
 * every place the desk keeps words about a complaint (their mail, an agent's reply and internal note, a transition's
 * reason, a remedy's reason, the promise the reply made, their satisfaction comment, message ids), the admin erases
 * them, and then every text and binary column of every table of the database is searched for any of it.
 */
class ErasureLeavesNothingTest extends AcceptanceTest {

    static final String ADDRESS = "ionela.popescu@mail.example";
    /** What identifies her, each way it was written; none may be found anywhere afterwards. */
    static final List<String> HER = List.of("Ionela", "Popescu", ADDRESS, "ionela.popescu", "0722 123 456", "0722-123-456",
            "722123456", "RO49AAAA1B31007593840000", "RO49 AAAA 1B31 0075 9384 0000", "Strada Lalelelor 12");

    @Test
    void after_an_erasure_no_table_holds_anything_of_the_customer() throws Exception {
        desk.customerWrites("Ionela Popescu <" + ADDRESS + ">", "Charged twice - Ionela Popescu",
                "Hello, I am Ionela Popescu, Strada Lalelelor 12, Cluj. You charged my card twice for November. "
                        + "Call me on 0722 123 456 or refund to RO49AAAA1B31007593840000.");
        long n = desk.complaintFrom(ADDRESS);
        AcceptanceDesk.Session ana = desk.signIn("ana");
        desk.awaitStatus(n, "ACKNOWLEDGED", ana);

        ok(desk.api("POST", "/api/complaints/" + n + "/transitions", Map.of("to", "assessed", "version", version(n, ana),
                "reason", "Ionela confirmed on 0722-123-456 that both charges are hers"), ana));
        ok(desk.api("POST", "/api/complaints/" + n + "/notes", Map.of("version", version(n, ana),
                "text", "Refund to RO49 AAAA 1B31 0075 9384 0000, Ionela Popescu, Strada Lalelelor 12."), ana));
        ok(desk.api("POST", "/api/complaints/" + n + "/remedies", Map.of("kind", "refund", "claimed", "20.00", "offered", "20.00",
                "currency", "EUR", "reason", "Ionela Popescu was charged twice; refund to RO49AAAA1B31007593840000"), ana));
        ok(desk.api("POST", "/api/complaints/" + n + "/replies", Map.of("version", version(n, ana),
                "eta", Instant.now().plus(2, ChronoUnit.DAYS).toString(),
                "text", "Dear Ionela Popescu, I am sorry you were charged twice. I have asked billing to refund the second "
                        + "charge and I will write to you by Friday noon to confirm it."), ana));
        for (String to : List.of("responded", "decision_communicated")) {
            // the delivery of the reply moves the complaint on in the background: a 409 is read again and retried
            AcceptanceDesk.await(() -> {
                try {
                    return desk.api("POST", "/api/complaints/" + n + "/transitions", Map.of("to", to,
                            "version", version(n, ana), "reason", "told Ionela Popescu at " + ADDRESS), ana).status() == 200;
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }, "the move to " + to);
        }
        desk.awaitStatus(n, "DECISION_COMMUNICATED", ana);
        String question = desk.db.jdbi().withHandle(h -> h.createQuery("select text from outbound_message where reply_id = :id")
                .bind("id", "satisfaction-" + n).mapTo(String.class).one());
        String token = question.replaceAll("(?s).*/api/satisfaction/(\\S+).*", "$1");
        ok(desk.api("POST", "/api/satisfaction/" + token, Map.of("score", 2,
                "comment", "Ionela here: slow. Call 0722 123 456."), null));
        // before: she is there, in many places (the search below can find her)
        assertThat(wherever(HER)).hasSizeGreaterThan(8);

        AcceptanceDesk.Session adam = desk.signIn("adam");
        long customer = desk.complaint(n, ana).path("customer").asLong();
        ok(desk.api("POST", "/api/customers/" + customer + "/erase", Map.of("reason", "Ionela Popescu asked by phone"), adam));

        assertThat(wherever(HER)).as("personal data left after the erasure").isEmpty();
        // the complaint itself stays, with its facts and what the agents did
        JsonNode after = desk.complaint(n, ana);
        assertThat(after.path("status").asText()).isEqualTo("DECISION_COMMUNICATED");
        assertThat(after.path("category").asText()).isNotBlank();
        String export = desk.api("GET", "/api/customers/" + customer + "/export", null, desk.signIn("sue")).json().toString();
        assertThat(HER).allSatisfy(x -> assertThat(export).doesNotContainIgnoringCase(x));
        assertThat(export).contains("I am sorry you were charged twice");
    }

    long version(long n, AcceptanceDesk.Session as) throws Exception {
        return desk.complaint(n, as).path("version").asLong();
    }

    static void ok(AcceptanceDesk.Answer a) {
        assertThat(a.status()).as(a.json().toString()).isBetween(200, 201);
    }

    /** Every table and column (text or bytes) holding any of {@code needles}: "table.column: needle". */
    List<String> wherever(List<String> needles) throws Exception {
        List<String> found = new ArrayList<>();
        desk.db.jdbi().useHandle(h -> {
            Connection c = h.getConnection();
            DatabaseMetaData meta = c.getMetaData();
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(null, null, "%", "%")) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema == null || schema.equalsIgnoreCase("INFORMATION_SCHEMA") || schema.toLowerCase(Locale.ROOT).startsWith("pg_")) {
                        continue;
                    }
                    columns.add(new String[] {schema, rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME")});
                }
            }
            assertThat(columns).as("the search sees the desk's tables").anyMatch(x -> x[1].equalsIgnoreCase("complaint_entry"));
            for (String[] col : columns) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select \"" + col[2] + "\" from \""
                        + col[0] + "\".\"" + col[1] + "\"")) {
                    while (rs.next()) {
                        Object v = rs.getObject(1);
                        String text = v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : v == null ? "" : v.toString();
                        for (String needle : needles) {
                            if (text.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT))) {
                                found.add(col[1] + "." + col[2] + ": " + needle);
                            }
                        }
                    }
                }
            }
        });
        return found.stream().distinct().toList();
    }
}
