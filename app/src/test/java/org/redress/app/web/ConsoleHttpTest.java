package org.redress.app.web;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.redress.app.store.Users;
import org.redress.core.staff.Role;

/**
 * The web console over HTTP against a real H2 desk: its security headers, CSRF refusals that change nothing, a
 * refused reply coming back with its findings, remedies and transfers through forms, languages and roles.
 */
class ConsoleHttpTest extends DeskHttpFixture {

    @Test
    void the_root_opens_the_console_and_unknown_paths_answer_in_their_own_kind() throws Exception {
        HttpResponse<String> root = page("/", null);
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValue("/console");
        HttpResponse<String> console = page("/console?view=all", null);
        assertThat(console.statusCode()).isEqualTo(302);
        assertThat(console.headers().firstValue("Location")).hasValue("/login?next=%2Fconsole%3Fview%3Dall");
        HttpResponse<String> login = page("/login", null);
        assertThat(login.statusCode()).isEqualTo(200);
        String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe");
        HttpResponse<String> missing = page("/console/no-such-page", login("ana"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        HttpResponse<String> api = page("/api/nothing", null);
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).contains("no such endpoint");
        HttpResponse<String> noComplaint = page("/console/complaints/99999999", login("ana"));
        assertThat(noComplaint.statusCode()).isEqualTo(404);
        assertThat(noComplaint.body()).contains("99999999").startsWith("<!doctype html>");
    }

    @Test
    void the_sign_in_form_needs_its_own_token_and_sends_nobody_to_another_site() throws Exception {
        HttpResponse<String> forged = form("/login", null, "username", "ana", "password", PASSWORD, "token", "made-up");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(DeskServer.SESSION_COOKIE + "="));

        HttpResponse<String> page = page("/login", null);
        String token = page.body().replaceAll("(?s).*name=\"token\" value=\"([^\"]+)\".*", "$1");
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpRequest signIn = HttpRequest.newBuilder(URI.create(base + "/login")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=ana&password=" + java.net.URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                        + "&token=" + token + "&next=" + java.net.URLEncoder.encode("//evil.example/x", StandardCharsets.UTF_8))).build();
        HttpResponse<String> in = http.send(signIn, HttpResponse.BodyHandlers.ofString());
        assertThat(in.statusCode()).isEqualTo(302);
        assertThat(in.headers().firstValue("Location")).hasValue("/console");
        assertThat(in.headers().firstValue("Set-Cookie").orElseThrow()).startsWith(DeskServer.SESSION_COOKIE + "=").contains("HttpOnly");
    }

    @Test
    void a_console_form_without_the_sessions_csrf_token_changes_nothing() throws Exception {
        Browser ana = login("ana");
        long number = someComplaint();
        long notes = entries(number, "note");
        HttpResponse<String> forged = form("/console/complaints/" + number + "/note", ana, "text", "from another site",
                "version", String.valueOf(versionOf(number)));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF");
        assertThat(entries(number, "note")).isEqualTo(notes);

        HttpResponse<String> real = form("/console/complaints/" + number + "/note", ana, "csrf", ana.csrf(), "text", "customer called again",
                "version", String.valueOf(versionOf(number)));
        assertThat(real.statusCode()).isEqualTo(303);
        assertThat(real.headers().firstValue("Location")).hasValue("/console/complaints/" + number + "?done=note");
        assertThat(entries(number, "note")).isEqualTo(notes + 1);

        HttpResponse<String> stale = form("/console/complaints/" + number + "/note", ana, "csrf", ana.csrf(), "text", "written on an old page",
                "version", String.valueOf(versionOf(number) - 1));
        assertThat(stale.statusCode()).isEqualTo(409);
        // nothing overwritten, and nothing the agent wrote lost: the fresh page holds the note again
        assertThat(stale.body()).contains(">written on an old page</textarea>").contains("id=\"note-error\"");
        assertThat(entries(number, "note")).isEqualTo(notes + 1);
    }

    @Test
    void a_console_reply_that_breaks_a_rule_comes_back_with_its_findings_and_goes_out_only_with_a_reason() throws Exception {
        Browser ana = login("ana");
        long number = someComplaint();
        long replies = entries(number, "reply");
        HttpResponse<String> refused = form("/console/complaints/" + number + "/reply", ana, "csrf", ana.csrf(),
                "text", "I don't know, that is not my department.", "version", String.valueOf(versionOf(number)), "eta", "2026-11-25T12:00");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("data-code=\"ADMITS_NOT_KNOWING\"").contains(">I don't know, that is not my department.</textarea>")
                .contains("id=\"override-box\" class=\"override\">").contains("value=\"2026-11-25T12:00\"");
        assertThat(entries(number, "reply")).isEqualTo(replies);

        HttpResponse<String> sent = form("/console/complaints/" + number + "/reply", ana, "csrf", ana.csrf(),
                "text", "I don't know yet, and I am finding out.", "version", String.valueOf(versionOf(number)), "eta", "2026-11-25T12:00",
                "override", "the customer asked for a plain answer");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
        assertThat(entries(number, "reply")).isEqualTo(replies + 1);
        // the picked time is a promise the desk now tracks, due in the desk's zone (UTC here)
        long promised = db.jdbi().withHandle(h -> h.createQuery("select count(*) from promise where complaint_number = :n and due_at = :d")
                .bind("n", number).bind("d", java.time.OffsetDateTime.parse("2026-11-25T12:00:00Z")).mapTo(Long.class).one());
        assertThat(promised).isEqualTo(1);
        List<String> reasons = db.jdbi().withHandle(h -> h.createQuery("select reason from audit_record where complaint_number = :n "
                + "and action = 'guard-override'").bind("n", number).mapTo(String.class).list());
        assertThat(reasons).contains("the customer asked for a plain answer");
    }

    @Test
    void an_agent_proposes_a_remedy_in_the_console_and_a_supervisor_approves_what_is_above_the_agents_cap() throws Exception {
        Browser ana = login("ana");
        long number = someComplaint();
        long before = db.jdbi().withHandle(h -> h.createQuery("select count(*) from remedy").mapTo(Long.class).one());
        HttpResponse<String> bad = form("/console/complaints/" + number + "/remedy", ana, "csrf", ana.csrf(), "kind", "refund",
                "claimed", "twelve", "offered", "12", "reason", "late parcel");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("claimed: an amount such as 25 or 19.90").contains("got 'twelve'");
        HttpResponse<String> small = form("/console/complaints/" + number + "/remedy", ana, "csrf", ana.csrf(), "kind", "voucher",
                "claimed", "12,50", "offered", "10", "reason", "late parcel");
        assertThat(small.headers().firstValue("Location")).hasValue("/console/complaints/" + number + "?done=granted");
        HttpResponse<String> large = form("/console/complaints/" + number + "/remedy", ana, "csrf", ana.csrf(), "kind", "refund",
                "claimed", "400", "offered", "400", "reason", "the parcel was lost");
        assertThat(large.headers().firstValue("Location")).hasValue("/console/complaints/" + number + "?done=proposed");
        long after = db.jdbi().withHandle(h -> h.createQuery("select count(*) from remedy").mapTo(Long.class).one());
        assertThat(after).isEqualTo(before + 2);
        assertThat(page("/console/complaints/" + number, ana).body()).contains("remedy-GRANTED").contains("remedy-AWAITING_APPROVAL");

        Browser sue = login("sue");
        long id = db.jdbi().withHandle(h -> h.createQuery("select max(id) from remedy where state = 'AWAITING_APPROVAL'").mapTo(Long.class).one());
        assertThat(page("/console/supervisor", sue).body()).contains("action=\"/console/remedies/" + id + "/decision\"");
        HttpResponse<String> approved = form("/console/remedies/" + id + "/decision", sue, "csrf", sue.csrf(), "version", "0",
                "reason", "lost parcel, paid in full", "decision", "approve");
        assertThat(approved.statusCode()).isEqualTo(303);
        String state = db.jdbi().withHandle(h -> h.createQuery("select state from remedy where id = :id").bind("id", id).mapTo(String.class).one());
        assertThat(state).isEqualTo("GRANTED");
        HttpResponse<String> twice = form("/console/remedies/" + id + "/decision", sue, "csrf", sue.csrf(), "version", "0",
                "reason", "again", "decision", "reject");
        assertThat(twice.statusCode()).isEqualTo(409);
    }

    @Test
    void a_complaint_offered_to_another_team_stays_with_its_owner_until_that_team_accepts_it() throws Exception {
        new Users(db, CLOCK).add("bill", "Bill", Role.AGENT, "billing", PASSWORD);
        Browser ana = login("ana");
        long number = db.jdbi().withHandle(h -> h.createQuery("select max(number) from complaint").mapTo(Long.class).one());
        form("/console/complaints/" + number + "/take", ana, "csrf", ana.csrf(), "version", String.valueOf(versionOf(number)));
        HttpResponse<String> offered = form("/console/complaints/" + number + "/transfer", ana, "csrf", ana.csrf(),
                "version", String.valueOf(versionOf(number)), "toTeam", "billing", "reason", "a double charge: billing can refund it");
        assertThat(offered.headers().firstValue("Location")).hasValue("/console/complaints/" + number + "?done=transfer-requested");
        String owner = db.jdbi().withHandle(h -> h.createQuery("select owner || '@' || team from complaint where number = :n")
                .bind("n", number).mapTo(String.class).one());
        assertThat(owner).isEqualTo("ana@front-desk");

        Browser bill = login("bill");
        assertThat(page("/console?view=offered", bill).body()).contains("href=\"/console/complaints/" + number + "\"");
        HttpResponse<String> seen = page("/console/complaints/" + number, bill);
        assertThat(seen.body()).contains("a double charge: billing can refund it").contains("id=\"transfer-accept\"");
        assertThat(page("/console/complaints/" + number, ana).body()).doesNotContain("id=\"transfer-accept\"");
        HttpResponse<String> accepted = form("/console/complaints/" + number + "/transfer/accept", bill, "csrf", bill.csrf(),
                "version", String.valueOf(versionOf(number)));
        assertThat(accepted.statusCode()).isEqualTo(303);
        String now = db.jdbi().withHandle(h -> h.createQuery("select owner || '@' || team from complaint where number = :n")
                .bind("n", number).mapTo(String.class).one());
        assertThat(now).isEqualTo("bill@billing");
        assertThat(page("/console?view=offered", bill).body()).doesNotContain("href=\"/console/complaints/" + number + "\"");
    }

    @Test
    void the_console_speaks_the_browsers_language_or_the_one_chosen() throws Exception {
        HttpResponse<String> ro = page("/login", null, "Accept-Language", "ro-RO,ro;q=0.9,en;q=0.5");
        assertThat(ro.body()).contains("<html lang=\"ro\">").contains("Autentificare").contains("Parolă");
        HttpResponse<String> chosen = page("/login", null, "Accept-Language", "ro", "Cookie", Console.LANG_COOKIE + "=en");
        assertThat(chosen.body()).contains("<html lang=\"en\">").contains("Sign in");
        HttpResponse<String> switched = page("/console/lang/ro?back=%2Fconsole%3Fview%3Dall", null);
        assertThat(switched.headers().firstValue("Set-Cookie").orElseThrow()).startsWith(Console.LANG_COOKIE + "=ro");
        assertThat(switched.headers().firstValue("Location")).hasValue("/console?view=all");
        assertThat(page("/console/lang/ro?back=https://evil.example/", null).headers().firstValue("Location")).hasValue("/console");
        assertThat(org.redress.app.web.console.Texts.of("ro").keys()).isEqualTo(org.redress.app.web.console.Texts.of("en").keys());
    }

    @Test
    void the_desks_own_entries_read_in_the_readers_language_with_local_times() throws Exception {
        Browser sue = login("sue");
        long number = someComplaint();
        HttpResponse<String> declared = form("/console/incidents", sue, "csrf", sue.csrf(), "title", "Cable cut in Iasi",
                "etaInstant", "2030-01-15T10:00:00Z", "complaints", String.valueOf(number));
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(303);
        HttpResponse<String> ro = page("/console/complaints/" + number, sue, "Cookie", sue.cookie() + "; " + Console.LANG_COOKIE + "=ro");
        assertThat(ro.body()).contains("Legată de incidentul").contains("Cable cut in Iasi").doesNotContain("Linked to incident")
                .doesNotContain("(OPEN)");
        HttpResponse<String> en = page("/console/complaints/" + number, sue);
        assertThat(en.body()).contains("Linked to incident").contains("expected fix by");
        // no entry on the page prints an instant as the database keeps it
        assertThat(en.body().replaceAll("(data-due|datetime|value)=\"[^\"]*\"", "")).doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d");
    }

    @Test
    void one_reply_moves_the_complaint_on_to_the_status_it_implies_through_every_step_on_the_trail() throws Exception {
        Browser ana = login("ana");
        HttpResponse<String> taken = form("/console/complaints", ana, "csrf", ana.csrf(), "via", "phone", "name", "Dan Ilie",
                "phone", "+40 744 000 111", "subject", "Meter read twice", "text", "You billed my meter reading twice this month.");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(303);
        long number = Long.parseLong(taken.headers().firstValue("Location").orElseThrow().replaceAll("\\D+(\\d+)\\?.*", "$1"));
        assertThat(statusOf(number)).isIn("RECEIVED", "ACKNOWLEDGED");
        HttpResponse<String> before = page("/console/complaints/" + number, ana);
        assertThat(before.body()).as("the status the reply implies is offered beside the send button")
                .contains("<option value=\"INVESTIGATING\" selected>").contains("id=\"then\"");

        HttpResponse<String> sent = form("/console/complaints/" + number + "/reply", ana, "csrf", ana.csrf(),
                "text", "Thank you, Dan. I am checking both readings with the billing team today.", "version", String.valueOf(versionOf(number)),
                "etaInstant", "2026-11-25T12:00:00Z", "then", "INVESTIGATING");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Location")).hasValue("/console/complaints/" + number + "?done=sent-moved");
        assertThat(entries(number, "reply")).isEqualTo(1);
        assertThat(statusOf(number)).isEqualTo("INVESTIGATING");
        List<String> steps = db.jdbi().withHandle(h -> h.createQuery("select after_value from audit_record where complaint_number = :n "
                + "and action = 'transition' order by id").bind("n", number).mapTo(String.class).list());
        assertThat(steps).as("each step of the way is on the audit trail").endsWith("ASSESSED", "INVESTIGATING");

        // the status form moves in one go too, and a status that cannot be reached is refused with what can be
        HttpResponse<String> moved = form("/console/complaints/" + number + "/transition", ana, "csrf", ana.csrf(),
                "version", String.valueOf(versionOf(number)), "to", "DECISION_COMMUNICATED", "reason", "refund of the double reading");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(303);
        assertThat(statusOf(number)).isEqualTo("DECISION_COMMUNICATED");
        HttpResponse<String> refused = form("/console/complaints/" + number + "/transition", ana, "csrf", ana.csrf(),
                "version", String.valueOf(versionOf(number)), "to", "RECEIVED");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("cannot become RECEIVED");

        // a "Take it" from a page opened before those changes: not a dead end, the complaint as it is now and who changed it
        Browser sam = login("sam");
        HttpResponse<String> stale = form("/console/complaints/" + number + "/take", sam, "csrf", sam.csrf(), "version", "1");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone changed this complaint after you opened it").contains("Last change: ana (agent) transition at Tue 24 Nov 2026, 10:00.")
                .contains("id=\"reply-form\"").contains("Decision communicated").doesNotContainPattern("at \\d{4}-\\d\\d-\\d\\dT");
    }

    @Test
    void an_agent_takes_and_moves_several_complaints_from_the_queue_at_once_within_the_team_borders() throws Exception {
        Browser ana = login("ana");
        List<Long> made = new java.util.ArrayList<>();
        for (String who : List.of("Ion Rusu", "Eva Lupu")) {
            HttpResponse<String> taken = form("/console/complaints", ana, "csrf", ana.csrf(), "via", "phone", "name", who,
                    "phone", "+40 755 000 " + (100 + made.size()), "subject", "Bill for " + who, "text", "I was billed for a month I had cancelled.");
            made.add(Long.parseLong(taken.headers().firstValue("Location").orElseThrow().replaceAll("\\D+(\\d+)\\?.*", "$1")));
        }
        String queue = page("/console?view=all", ana).body();
        assertThat(queue).contains("id=\"bulk-form\"").contains("name=\"n\" value=\"" + made.get(0) + "\" form=\"bulk-form\"");

        // an agent of another team: each complaint refused with why, nothing changed
        Browser oto = login("oto");
        HttpResponse<String> across = form("/console/complaints/bulk", oto, "csrf", oto.csrf(), "action", "take",
                "n", String.valueOf(made.get(0)), "n", String.valueOf(made.get(1)), "back", "/console?view=all");
        assertThat(across.statusCode()).isEqualTo(200);
        assertThat(across.body()).contains("Changed: 0").contains("Not changed: 2").contains("may not act on complaint #" + made.get(0));

        HttpResponse<String> took = form("/console/complaints/bulk", ana, "csrf", ana.csrf(), "action", "take",
                "n", String.valueOf(made.get(0)), "n", String.valueOf(made.get(1)), "n", "999999", "back", "/console?view=all&sort=OLDEST");
        assertThat(took.statusCode()).isEqualTo(200);
        assertThat(took.body()).contains("Changed: 2").contains("Not changed: 1").contains("#999999")
                .contains("href=\"/console?view=all&amp;sort=OLDEST\" id=\"bulk-back\"");
        for (long n : made) {
            String owner = db.jdbi().withHandle(h -> h.createQuery("select owner from complaint where number = :n").bind("n", n)
                    .mapTo(String.class).one());
            assertThat(owner).isEqualTo("ana");
        }
        // the queue narrowed to one person's or one team's complaints
        String hers = page("/console?view=all&owner=me", ana).body();
        assertThat(hers).contains("id=\"n-owner\"").contains("id=\"n-team\"").contains("data-number=\"" + made.get(0) + "\"")
                .contains("data-number=\"" + made.get(1) + "\"");
        assertThat(page("/console?view=all&owner=sam", ana).body()).doesNotContain("data-number=\"" + made.get(0) + "\"");
        assertThat(page("/console?view=all&team=billing-team", ana).body()).doesNotContain("data-number=\"" + made.get(0) + "\"");
        HttpResponse<String> moved = form("/console/complaints/bulk", ana, "csrf", ana.csrf(), "action", "move", "to", "INVESTIGATING",
                "reason", "checking the cancellations", "n", String.valueOf(made.get(0)), "n", String.valueOf(made.get(1)));
        assertThat(moved.body()).contains("Changed: 2");
        assertThat(made).allMatch(n -> statusOf(n).equals("INVESTIGATING"));
        assertThat(form("/console/complaints/bulk", ana, "csrf", ana.csrf(), "action", "assign", "owner", "sam", "team", "front-desk",
                "n", String.valueOf(made.get(0))).statusCode()).as("assigning to others is a supervisor's").isEqualTo(400);
        assertThat(form("/console/complaints/bulk", ana, "csrf", ana.csrf(), "action", "take").statusCode()).as("nothing chosen").isEqualTo(400);

        // the same use case through the API
        HttpResponse<String> api = send("POST", "/api/complaints/bulk", Map.of("numbers", List.of(made.get(0), made.get(1), 999999),
                "action", "move", "to", "waiting_on_customer", "reason", "asked for the cancellation letters"), ana);
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        JsonNode done = JSON.readTree(api.body());
        assertThat(done.get("changed")).hasSize(2);
        assertThat(done.get("refused").get(0).get("number").asLong()).isEqualTo(999999);
        assertThat(made).allMatch(n -> statusOf(n).equals("WAITING_ON_CUSTOMER"));
        assertThat(send("POST", "/api/complaints/bulk", Map.of("numbers", List.of(made.get(0)), "action", "fly"), ana).statusCode()).isEqualTo(400);
    }

    @Test
    void the_queue_opens_as_the_user_left_it_on_any_browser_and_a_search_does_not_change_that() throws Exception {
        Browser first = login("sam");
        assertThat(page("/console", first).statusCode()).as("nothing remembered yet: the queue itself").isEqualTo(200);
        assertThat(page("/console?view=all&sort=oldest&priority=P2&page=2", first).statusCode()).isEqualTo(200);
        Browser second = login("sam");
        HttpResponse<String> bare = page("/console", second);
        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location")).hasValue("/console?view=all&sort=oldest&priority=P2");
        assertThat(page("/console?q=parcel", second).statusCode()).isEqualTo(200);
        assertThat(page("/console?view=all&priority=P9", second).statusCode()).as("refused, so not remembered").isEqualTo(400);
        assertThat(page("/console?done=note", second).headers().firstValue("Location"))
                .hasValue("/console?view=all&sort=oldest&priority=P2&done=note");
        page("/console?view=team", second);
        assertThat(page("/console", first).headers().firstValue("Location")).hasValue("/console?view=team");
        assertThat(page("/console", login("sue")).statusCode()).as("each user their own").isEqualTo(200);
    }

    @Test
    void a_supervisor_keeps_saved_replies_in_the_console_and_one_that_breaks_a_rule_comes_back_with_why() throws Exception {
        Browser sue = login("sue");
        assertThat(page("/console/saved", login("ana")).statusCode()).isEqualTo(403);
        assertThat(page("/console/saved", sue).statusCode()).isEqualTo(200);
        String category = db.jdbi().withHandle(h -> h.createQuery("select category from complaint where number = :n").bind("n", someComplaint())
                .mapTo(String.class).one());
        HttpResponse<String> refused = form("/console/saved", sue, "csrf", sue.csrf(), "category", category, "language", "en",
                "title", "Shrug", "text", "I don't know, that is not my department.");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"saved-error\"").contains("<li>Says \"I don't know\" «I don't know»</li>")
                .contains(">I don't know, that is not my department.</textarea>").contains("value=\"Shrug\"");
        HttpResponse<String> kept = form("/console/saved", sue, "csrf", sue.csrf(), "category", category, "language", "en",
                "title", "Courier trace", "text", "Thank you for telling us. I have asked the courier to trace your parcel, and I will write "
                        + "to you by tomorrow at noon with what they found.");
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(303);
        assertThat(page("/console/saved", sue).body()).contains("Courier trace").doesNotContain("Shrug");
        // the agent sees it beside the reply box of a complaint of that category and language
        assertThat(page("/console/complaints/" + someComplaint(), login("ana")).body()).contains("Courier trace");
        long id = db.jdbi().withHandle(h -> h.createQuery("select id from saved_reply where title = 'Courier trace'").mapTo(Long.class).one());
        assertThat(form("/console/saved/" + id + "/remove", sue, "csrf", sue.csrf()).statusCode()).isEqualTo(303);
        assertThat(page("/console/saved", sue).body()).doesNotContain("Courier trace");
        assertThat(form("/console/saved/" + id + "/remove", sue, "csrf", sue.csrf()).statusCode()).isEqualTo(404);
    }

    @Test
    void the_admin_page_shows_the_configuration_the_desk_runs_with() throws Exception {
        String admin = page("/console/admin", login("adam")).body();
        assertThat(admin).contains("id=\"configuration\"").contains("<th scope=\"row\">Time zone</th><td>Z</td>")
                .contains("Mon 09:00–17:00").contains("Sat closed")
                .contains("<caption>SLA targets (business time)</caption>").containsPattern("<th scope=\"row\">P1</th><td>[0-9hmd ]+</td>")
                .contains("<th scope=\"row\">any other</th><td>front-desk</td>")
                .containsPattern("<th scope=\"row\">Agent</th><td>[0-9.]+ EUR</td>");
        assertThat(ConsolePages.duration(java.time.Duration.ofMinutes(150))).isEqualTo("2h 30m");
        assertThat(ConsolePages.duration(java.time.Duration.ofHours(48))).isEqualTo("2d");
        assertThat(ConsolePages.duration(java.time.Duration.ofMinutes(15))).isEqualTo("15m");
        assertThat(ConsolePages.duration(java.time.Duration.ofHours(1))).isEqualTo("1h");
    }

    String statusOf(long number) {
        return db.jdbi().withHandle(h -> h.createQuery("select status from complaint where number = :n").bind("n", number).mapTo(String.class).one());
    }

    @Test
    void a_supervisor_reads_the_reports_over_a_chosen_period_follows_a_bar_to_its_complaints_and_downloads_them_as_csv() throws Exception {
        Browser sue = login("sue");
        HttpResponse<String> week = page("/console/supervisor?days=7", sue);
        assertThat(week.statusCode()).isEqualTo(200);
        assertThat(week.body()).contains("<option value=\"7\" selected>").contains("href=\"/console/supervisor/report.csv?days=7\"");
        // the category chart's bars lead to the queue narrowed to that category
        assertThat(week.body()).containsPattern("<a href=\"/console\\?view=all&amp;category=[a-z_]+\" class=\"bar-link\"");
        assertThat(page("/console/supervisor?days=8", sue).statusCode()).isEqualTo(400);
        assertThat(page("/console/supervisor/report.csv", login("ana")).statusCode()).isEqualTo(403);

        HttpResponse<String> csv = page("/console/supervisor/report.csv?days=30", sue);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment").contains("-30d.csv");
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .build().parse(new java.io.StringReader(csv.body())).getRecords();
        assertThat(rows).isNotEmpty();
        assertThat(rows).extracting(r -> r.get("report")).contains("weak areas", "rates");
        long complaints = rows.stream().filter(r -> r.get("report").equals("weak areas") && r.get("figure").equals("complaints")
                && !rows.get(rows.indexOf(r) - 1).get("value").endsWith("trend")).mapToLong(r -> Long.parseLong(r.get("value"))).sum();
        assertThat(complaints).as("every complaint of the fixture is counted in a month").isGreaterThanOrEqualTo(3);
        assertThat(org.redress.app.desk.DeskReports.csv(new org.redress.app.desk.DeskReports.Report(java.time.Instant.EPOCH, java.time.Instant.EPOCH,
                0, List.of(new org.redress.app.desk.DeskReports.Row("=HYPERLINK(\"http://evil\")", Map.of("complaints", -12.5))), List.of(),
                List.of(), List.of(), List.of()))).as("a label a spreadsheet would run is text; a negative number stays one")
                .contains("weak areas,\"'=HYPERLINK(\"\"http://evil\"\")\",complaints,-12.5");
        // escalations, abuse reviews and approvals are paged, each page link keeping the period and the other lists' pages
        assertThat(week.body()).contains("id=\"esc\"").contains("id=\"abuse\"").contains("id=\"approvals\"");
        var paged = ConsolePages.paged(60, "esc", 30, Map.of("abuse", 2, "esc", 2));
        assertThat(paged.pages()).isEqualTo(3);
        assertThat(paged.previous()).isEqualTo("/console/supervisor?days=30&abuse=2#esc");
        assertThat(paged.next()).isEqualTo("/console/supervisor?days=30&esc=3&abuse=2#esc");
        assertThat(ConsolePages.paged(60, "esc", 30, Map.of("esc", 99)).page()).as("past the end: the last page").isEqualTo(3);
        assertThat(ConsolePages.paged(0, "approvals", 90, Map.of()).next()).isNull();
        assertThat(page("/console/supervisor?esc=0", sue).statusCode()).isEqualTo(400);
    }

    @Test
    void roles_decide_which_console_pages_open() throws Exception {
        assertThat(page("/console/supervisor", login("ana")).statusCode()).isEqualTo(403);
        assertThat(page("/console/admin", login("sue")).statusCode()).isEqualTo(403);
        HttpResponse<String> sup = page("/console/supervisor", login("sue"));
        assertThat(sup.statusCode()).isEqualTo(200);
        assertThat(sup.body()).contains("<svg role=\"img\"").contains("id=\"declare-form\"");
        HttpResponse<String> admin = page("/console/admin", login("adam"));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("table class=\"users\"");
        assertThat(page("/console", login("adam")).statusCode()).isEqualTo(403);
    }


    @Test
    void an_admin_sees_the_api_tokens_revokes_one_and_deactivates_a_user_in_the_console() throws Exception {
        Users users = new Users(db, CLOCK);
        String token = users.createToken("sam", "reporting script");
        String id = users.tokens("sam").get(0).id();
        Browser adam = login("adam");
        HttpResponse<String> admin = page("/console/admin", adam);
        assertThat(admin.body()).contains("reporting script").contains(id).doesNotContain(token);
        HttpResponse<String> revoked = form("/console/tokens/" + id + "/revoke", adam, "csrf", adam.csrf());
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(users.byToken(token)).isEmpty();
        assertThat(page("/console/admin", adam).body()).contains("revoked");

        String fays = users.createToken("fay", "fay's export");
        assertThat(form("/console/users/fay/active", adam, "csrf", adam.csrf(), "active", "false").statusCode()).isEqualTo(303);
        assertThat(users.byToken(fays)).as("a deactivated user's tokens end").isEmpty();
        assertThat(users.find("fay").orElseThrow().active()).isFalse();
        assertThat(form("/console/users/fay/active", adam, "csrf", adam.csrf(), "active", "true").statusCode()).isEqualTo(303);
        assertThat(users.find("fay").orElseThrow().active()).isTrue();
    }

    @Test
    void an_agent_labels_the_guards_work_from_the_composer_and_an_admin_accepts_the_miss_as_a_phrase() throws Exception {
        Browser ana = login("ana");
        long number = someComplaint();
        String draft = "I don't know. The lads in dispatch botched it.";
        HttpResponse<String> refused = form("/console/complaints/" + number + "/reply", ana, "csrf", ana.csrf(),
                "text", draft, "version", String.valueOf(versionOf(number)), "eta", "2026-11-25T12:00");
        assertThat(refused.body()).as("each finding offers 'not right'").contains("name=\"wrong\" value=\"ADMITS_NOT_KNOWING\"")
                .contains("name=\"missedCode\"");
        // people read labels, not code names: the finding, the status and the move list say it in words
        assertThat(refused.body()).contains("<strong title=\"ADMITS_NOT_KNOWING\">Says").doesNotContain(">ADMITS_NOT_KNOWING<");
        java.util.regex.Matcher status = java.util.regex.Pattern.compile("id=\"status\" data-status=\"([A-Z_]+)\">([^<]+)<").matcher(refused.body());
        assertThat(status.find()).isTrue();
        assertThat(status.group(2)).isNotEqualTo(status.group(1)).doesNotContain("_");
        assertThat(refused.body()).as("SLA clocks by name and state in words").contains("<th scope=\"row\">Resolution</th>")
                .containsPattern("data-state=\"[A-Z]+\">(Running|Due soon|Overdue|Paused|Met|Missed)<");
        HttpResponse<String> missed = form("/console/complaints/" + number + "/guard-labels", ana, "csrf", ana.csrf(),
                "text", draft, "missedCode", "BLAMES_COLLEAGUES", "missedWords", "botched it", "eta", "2026-11-25T12:00");
        assertThat(missed.statusCode()).isEqualTo(200);
        assertThat(missed.body()).as("the draft comes back").contains(">" + draft + "</textarea>");
        assertThat(form("/console/complaints/" + number + "/guard-labels", ana, "csrf", ana.csrf(), "text", draft,
                "wrong", "ADMITS_NOT_KNOWING").statusCode()).isEqualTo(200);

        Browser adam = login("adam");
        HttpResponse<String> admin = page("/console/admin", adam);
        assertThat(admin.body()).contains("id=\"guard-h\"").contains("botched it").contains("ADMITS_NOT_KNOWING");
        HttpResponse<String> added = form("/console/guard/phrases", adam, "csrf", adam.csrf(), "language", "en", "code", "BLAMES_COLLEAGUES",
                "text", "botched it");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
        HttpResponse<String> now = form("/console/complaints/" + number + "/reply", ana, "csrf", ana.csrf(),
                "text", "The lads in dispatch botched it.", "version", String.valueOf(versionOf(number)), "eta", "2026-11-25T12:00");
        assertThat(now.body()).as("the phrase works at once").contains("data-code=\"BLAMES_COLLEAGUES\"");
    }
}
