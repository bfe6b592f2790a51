package org.redress.app.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.redress.app.config.DeskConfig;
import org.redress.app.desk.Desk;
import org.redress.app.desk.TestDesks;
import org.redress.app.engine.DeskNode;
import org.redress.app.store.Database;
import org.redress.app.store.TestDatabases;
import org.redress.app.web.DeskServer;
import org.redress.core.staff.Role;

/**
 * A running desk for the acceptance tests, put together as {@code serve} puts it: a mailbox on a real IMAP and SMTP
 * server (GreenMail) polled by the desk's own node, the desk's scheduler, and its web server. Customers write mail;
 * agents and supervisors act through the API; what customers receive is read from their GreenMail mailboxes.
 */
final class AcceptanceDesk implements AutoCloseable {

    static final String PASSWORD = "correct horse battery";
    static final String SUPPORT = "support@desk.example";
    static final ObjectMapper JSON = new ObjectMapper();

    final GreenMail mail;
    final Database db;
    final Desk desk;
    final DeskNode node;
    final DeskServer server;
    final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    AcceptanceDesk(Path dir) throws Exception {
        this(dir, text -> java.util.Optional.of("en"));
    }

    /** @param detection how the desk tells a customer's language (the default desk: everybody writes English) */
    AcceptanceDesk(Path dir, org.redress.core.text.LanguageDetection detection) throws Exception {
        this(dir, detection, "200ms");
    }

    /** @param pollEvery how long the mailbox's poller waits when there is nothing new (IDLE wakes it for new mail) */
    AcceptanceDesk(Path dir, org.redress.core.text.LanguageDetection detection, String pollEvery) throws Exception {
        this(dir, detection, pollEvery, "", "");
    }

    /**
     * @param more lines added to {@code redress.yaml}: more channels (indented under {@code channels:}) and settings
     *             of the desk's own (a {@code desk.}-less top-level section such as {@code hours:})
     * @param deskSettings lines added to the {@code desk:} section (indented by two spaces)
     */
    AcceptanceDesk(Path dir, org.redress.core.text.LanguageDetection detection, String pollEvery, String more, String deskSettings)
            throws Exception {
        this(dir, detection, pollEvery, more, deskSettings, "h2");
    }

    /** @param database "h2" or "postgresql" (a fresh database on the test server) */
    AcceptanceDesk(Path dir, org.redress.core.text.LanguageDetection detection, String pollEvery, String more, String deskSettings,
                   String database) throws Exception {
        mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        mail.setUser(SUPPORT, "support", "secret");
        db = Database.open(TestDatabases.fresh(database, dir), 8);
        Path config = Files.writeString(dir.resolve("redress.yaml"), TestDesks.mailboxConfig(mail.getImap().getPort(), mail.getSmtp().getPort(),
                "acceptance-secret", pollEvery).replaceFirst("desk:\n", "desk:\n" + java.util.regex.Matcher.quoteReplacement(deskSettings)) + more);
        desk = Desk.open(db, DeskConfig.load(config, "acceptance-node", System::getenv), org.redress.app.channels.ChannelRegistry.discover(),
                detection, Clock.systemUTC());
        for (Object[] u : new Object[][] {{"ana", Role.AGENT}, {"sue", Role.SUPERVISOR}, {"adam", Role.ADMIN}}) {
            desk.users().add((String) u[0], (String) u[0], (Role) u[1], u[1] == Role.ADMIN ? null : "front-desk", PASSWORD);
        }
        node = DeskNode.open(desk);
        server = new DeskServer(desk, node);
        base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
        node.start();
    }

    // ---- the customer ---------------------------------------------------------------------------------

    void customerWrites(String from, String subject, String text) {
        GreenMailUtil.sendTextEmail(SUPPORT, from, subject, text, mail.getSmtp().getServerSetup());
    }

    /** A mail to the desk, to set headers on before {@link #deliver}. */
    MimeMessage mailFrom(String from, String subject, String text) throws Exception {
        MimeMessage m = new MimeMessage(GreenMailUtil.getSession(mail.getSmtp().getServerSetup()));
        m.setFrom(from);
        m.setRecipients(jakarta.mail.Message.RecipientType.TO, SUPPORT);
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        m.saveChanges();
        return m;
    }

    /** Puts a mail straight into the desk's mailbox, headers as they are. */
    void deliver(MimeMessage m) throws Exception {
        mail.getUserManager().getUserByEmail(SUPPORT).deliver(m);
    }

    /**
     * A mail that reached the desk's mailbox at {@code arrived} (its IMAP INTERNALDATE), as old mail does in a mailbox
     * connected to the desk today; appended over IMAP, which keeps the date it is given.
     */
    void mailArrivedLongAgo(String from, String subject, String text, java.time.Instant arrived) throws Exception {
        MimeMessage m = new MimeMessage(mailFrom(from, subject, text)) {
            @Override
            public java.util.Date getReceivedDate() {
                return java.util.Date.from(arrived);
            }
        };
        m.setSentDate(java.util.Date.from(arrived));
        jakarta.mail.Store store = GreenMailUtil.getSession(mail.getImap().getServerSetup()).getStore("imap");
        store.connect("127.0.0.1", mail.getImap().getPort(), "support", "secret");
        try (jakarta.mail.Folder inbox = store.getFolder("INBOX")) {
            inbox.open(jakarta.mail.Folder.READ_WRITE);
            inbox.appendMessages(new jakarta.mail.Message[] {m});
        } finally {
            store.close();
        }
    }

    /** A mail whose sender's clock says {@code date}, put straight into the desk's mailbox. */
    void customerWritesDated(String from, String subject, String text, java.time.Instant date) throws Exception {
        MimeMessage m = mailFrom(from, subject, text);
        m.setSentDate(java.util.Date.from(date));
        deliver(m);
    }

    /** Waits until the desk holds a complaint from this address, and returns its number. */
    long complaintFrom(String address) {
        long[] n = {0};
        await(() -> {
            n[0] = db.jdbi().withHandle(h -> h.createQuery("select coalesce(max(c.number), 0) from complaint c join customer_identity i "
                    + "on i.customer_id = c.customer_id where i.address = :a").bind("a", address).mapTo(Long.class).one());
            return n[0] > 0;
        }, "a complaint from " + address);
        return n[0];
    }

    /** What the customer received, waiting until at least {@code count} messages arrived. */
    List<MimeMessage> received(String address, int count) {
        await(() -> inbox(address).size() >= count, count + " message(s) to " + address);
        return inbox(address);
    }

    /** What the customer has received so far, without waiting. */
    List<MimeMessage> receivedNow(String address) {
        return inbox(address);
    }

    private List<MimeMessage> inbox(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    /** What the customer reads: the plain text of a mail, decoded. */
    static String body(MimeMessage m) {
        try {
            Object content = m.getContent();
            if (content instanceof jakarta.mail.Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    if (multipart.getBodyPart(i).isMimeType("text/plain")) {
                        return String.valueOf(multipart.getBodyPart(i).getContent()).replace("\r\n", "\n");
                    }
                }
            }
            return String.valueOf(content).replace("\r\n", "\n");
        } catch (Exception e) {
            throw new AssertionError("cannot read the mail's text", e);
        }
    }

    // ---- agents and supervisors, through the API ----------------------------------------------------------

    /** A signed-in browser session: its cookie and CSRF token. */
    record Session(String cookie, String csrf) {
    }

    Session signIn(String user) throws Exception {
        HttpResponse<String> r = call("POST", "/api/login", JSON.writeValueAsString(java.util.Map.of("username", user, "password", PASSWORD)), null);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("sign-in of " + user + ": " + r.statusCode() + " " + r.body());
        }
        return new Session(r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0], JSON.readTree(r.body()).get("csrf").asText());
    }

    /** Calls the API; returns the answer's status and JSON body. */
    Answer api(String method, String path, Object body, Session as) throws Exception {
        HttpResponse<String> r = call(method, path, body == null ? null : JSON.writeValueAsString(body), as);
        return new Answer(r.statusCode(), r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body()));
    }

    record Answer(int status, JsonNode json) {
    }

    /** Calls a route that answers text (the metrics); returns the status and the text. */
    Map.Entry<Integer, String> text(String path, Session as) throws Exception {
        HttpResponse<String> r = call("GET", path, null, as);
        return Map.entry(r.statusCode(), r.body());
    }

    private HttpResponse<String> call(String method, String path, String body, Session as) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
        if (as != null) {
            b.header("Cookie", as.cookie()).header("X-CSRF-Token", as.csrf());
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode complaint(long number, Session as) throws Exception {
        return api("GET", "/api/complaints/" + number, null, as).json();
    }

    /** The state of one of the complaint's SLA clocks (RUNNING, MET, ...), as the API shows it; "none" when it has none. */
    String clockState(long number, Session as, String metric) {
        try {
            for (JsonNode k : complaint(number, as).path("slaClocks")) {
                if (k.path("metric").asText().equals(metric)) {
                    return k.path("state").asText();
                }
            }
            return "none";
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits until the complaint is in a state (the desk's own moves, such as the acknowledgement, come in the background). */
    void awaitStatus(long number, String status, Session as) {
        await(() -> {
            try {
                return complaint(number, as).path("status").asText().equals(status);
            } catch (Exception e) {
                return false;
            }
        }, "complaint " + number + " to be " + status);
    }

    static void await(BooleanSupplier condition, String what) {
        await(condition, what, Duration.ofSeconds(30));
    }

    static void await(BooleanSupplier condition, String what, Duration within) {
        long until = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        server.close();
        node.close();
        db.close();
        mail.stop();
    }
}
