package org.redress.app.store;

import org.redress.core.complaint.AuditAction;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redress.core.channel.SenderIdentity;
import org.jdbi.v3.core.Handle;
import org.redress.core.complaint.AuditRecord;
import org.redress.core.customer.Customer;
import org.redress.core.report.CustomerHistory;
import org.redress.core.staff.Actor;

/**
 * The desk's customers: who they are across channels (identities), their history, merging two records of one
 * person, and their personal data on request: exported whole, or erased (names, addresses, their words and the
 * raw messages), leaving the complaints' facts for the statistics. Every merge and erasure is in the audit trail
 * of each complaint it touched.
 */
public final class CustomerBook {

    private final Database database;
    private final Complaints complaints;
    private final Clock clock;

    public CustomerBook(Database database, Complaints complaints, Clock clock) {
        this.database = database;
        this.complaints = complaints;
        this.clock = clock;
    }

    /** The customer's card: name, identities, and complaints newest first. */
    public Map<String, Object> card(long id) {
        return database.jdbi().withHandle(h -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("name", h.createQuery("select display_name from customer where id = :id").bind("id", id).mapTo(String.class).findOne()
                    .orElseThrow(() -> new NotFoundException("there is no customer " + id)));
            m.put("identities", h.createQuery("select kind, address from customer_identity where customer_id = :id order by kind, address")
                    .bind("id", id).map((rs, ctx) -> Map.of("kind", rs.getString("kind").toLowerCase(), "address", rs.getString("address"))).list());
            List<Map<String, Object>> history = h.createQuery("select number, subject, status, received_at, open from complaint "
                            + "where customer_id = :id order by received_at desc")
                    .bind("id", id).map((rs, ctx) -> {
                        Map<String, Object> c = new LinkedHashMap<>();
                        c.put("number", rs.getLong("number"));
                        c.put("subject", rs.getString("subject"));
                        c.put("status", rs.getString("status"));
                        c.put("receivedAt", rs.getObject("received_at", OffsetDateTime.class).toInstant().toString());
                        return c;
                    }).list();
            m.put("complaints", history);
            // core's reading of the history: a complaint repeats an earlier one of the same category within 90 days
            CustomerHistory h2 = CustomerHistory.ofTheirs(new Customer.Id(id), complaints.ofCustomer(new Tx(h), id).stream()
                    .map(Complaints.Loaded::complaint).toList());
            m.put("repeat", !h2.repeats().isEmpty());
            m.put("repeats", h2.repeats().stream().map(n -> n.value()).toList());
            m.put("openComplaints", h2.open());
            m.put("lastContact", h2.lastContact().map(Object::toString).orElse(null));
            return m;
        });
    }

    /** Moves every identity and complaint of {@code absorbed} to {@code survivor}, and removes {@code absorbed}. */
    public void merge(long survivor, long absorbed, Actor by, String reason) {
        if (survivor == absorbed) {
            throw new IllegalArgumentException("a customer cannot be merged into itself");
        }
        database.jdbi().useTransaction(h -> {
            require(h, survivor);
            require(h, absorbed);
            for (long number : numbers(h, absorbed)) {
                complaints.changeNow(h, number, c -> c.reassignCustomer(new Customer.Id(survivor), by,
                        "merged customer " + absorbed + " into " + survivor + (reason == null || reason.isBlank() ? "" : ": " + reason),
                        clock.instant()));
            }
            h.createUpdate("update customer_identity set customer_id = :s where customer_id = :a").bind("s", survivor).bind("a", absorbed).execute();
            h.createUpdate("delete from customer where id = :a").bind("a", absorbed).execute();
            // the survivor's complaints are now found by the absorbed customer's name and addresses too
            for (long number : numbers(h, survivor)) {
                SearchIndex.reindex(h, number);
            }
        });
    }

    /** Everything the desk holds about the customer, for a subject-access request. */
    public Map<String, Object> export(long id) {
        Map<String, Object> card = card(id);
        return database.jdbi().withHandle(h -> {
            Map<String, Object> m = new LinkedHashMap<>(card);
            m.put("messages", h.createQuery("select e.complaint_number, e.at, e.kind, e.author, e.text from complaint_entry e "
                            + "join complaint c on c.number = e.complaint_number where c.customer_id = :id and e.kind in ('inbound', 'reply', 'call') "
                            + "order by e.complaint_number, e.id")
                    .bind("id", id).map((rs, ctx) -> {
                        Map<String, Object> e = new LinkedHashMap<>();
                        e.put("complaint", rs.getLong("complaint_number"));
                        e.put("at", rs.getObject("at", OffsetDateTime.class).toInstant().toString());
                        e.put("kind", rs.getString("kind"));
                        e.put("author", rs.getString("author"));
                        e.put("text", rs.getString("text"));
                        return e;
                    }).list());
            List<Map<String, Object>> sent = h.createQuery("select o.complaint_number, o.subject, o.text, o.status from outbound_message o "
                            + "join complaint c on c.number = o.complaint_number where c.customer_id = :id order by o.created_at")
                    .bind("id", id).mapToMap().list();
            // the satisfaction question's link answers for the customer: staff reading the export must not hold it
            sent.forEach(o -> o.computeIfPresent("text", (k, v) -> String.valueOf(v).replaceAll("/api/satisfaction/[A-Za-z0-9_-]+",
                    "/api/satisfaction/[the customer's own link]")));
            m.put("sentToThem", sent);
            m.put("exportedAt", clock.instant().toString());
            return m;
        });
    }

    /**
     * Erases the customer's personal data: name, identities, their words, the raw messages and what was sent to
     * them. The complaints stay, without personal data, so the desk's figures stay true.
     */
    /** What an erasure did: how many complaints it touched, and its reason as kept (without the customer in it). */
    public record Erased(int complaints, String reason) {
    }

    public Erased erase(long id, Actor by, String reason) {
        Instant now = clock.instant();
        return database.jdbi().inTransaction(h -> {
            require(h, id);
            List<Long> numbers = numbers(h, id);
            List<String> addresses = h.createQuery("select address from customer_identity where customer_id = :id").bind("id", id)
                    .mapTo(String.class).list();
            String name = h.createQuery("select display_name from customer where id = :id").bind("id", id).mapTo(String.class).one();
            Redactor redactor = new Redactor(name, addresses);
            for (long n : numbers) {
                eraseComplaint(h, n, redactor);
            }
            for (String a : addresses) {
                // what they sent that never became a complaint of theirs (a duplicate, a machine's answer to them)
                for (Map<String, Object> row : h.createQuery("select instance, external_id from inbound_message where sender = :a")
                        .bind("a", a).mapToMap().list()) {
                    h.createUpdate("update inbound_message set raw = :raw, sender = 'erased', subject = '[erased]', external_id = :x "
                            + "where instance = :i and external_id = :id").bind("raw", new byte[0])
                            .bind("x", Redactor.pseudonym((String) row.get("external_id")))
                            .bind("i", row.get("instance")).bind("id", row.get("external_id")).execute();
                }
            }
            int quarantined = 0;
            for (Map<String, Object> row : h.createQuery("select id, raw, reason, external_id from quarantine").mapToMap().list()) {
                // a mail of theirs the desk could not read is theirs too; it goes rather than waiting for a retry
                if (redactor.foundIn((byte[]) row.get("raw")) || !redactor.withoutTheCustomer((String) row.get("reason")).equals(row.get("reason"))
                        || !redactor.withoutTheCustomer((String) row.get("external_id")).equals(row.get("external_id"))) {
                    h.createUpdate("delete from quarantine where id = :id").bind("id", row.get("id")).execute();
                    quarantined++;
                }
            }
            // the desk's own audit and incidents may name them: the name and addresses go, the entries stay
            rewrite(h, "desk_audit", "id", List.of("subject", "detail"), redactor::withoutTheCustomer, null);
            rewrite(h, "incident", "id", List.of("title", "resolution", "terms"), redactor::withoutTheCustomer, null);
            h.createUpdate("delete from customer_identity where customer_id = :id").bind("id", id).execute();
            h.createUpdate("update customer set display_name = :name where id = :id").bind("name", "erased customer " + id).bind("id", id).execute();
            String why = redactor.withoutTheCustomer(reason == null ? "" : reason)
                    + (quarantined == 0 ? "" : " (" + quarantined + " quarantined item(s) of theirs deleted)");
            for (long n : numbers) {
                ComplaintRows.audit(h, n, new AuditRecord(now, by, AuditAction.ERASE_PERSONAL_DATA, "", "erased", why.strip()));
                // nothing of theirs may still find their complaints
                SearchIndex.reindex(h, n);
            }
            return new Erased(numbers.size(), why.strip());
        });
    }

    /**
     * One complaint without its customer: their words, names, addresses and raw messages go; ids that may be
     * derived from an address become stand-ins; what the agents wrote stays with the personal data taken out.
     */
    private static void eraseComplaint(Handle h, long n, Redactor r) {
        String erased = "[erased at the customer's request]";
        for (Map<String, Object> e : h.createQuery("select id, kind, author, text, external_id, call_id from complaint_entry "
                + "where complaint_number = :n").bind("n", n).mapToMap().list()) {
            boolean theirs = List.of("inbound", "call").contains(e.get("kind"));
            h.createUpdate("update complaint_entry set text = :t, author = :a, external_id = :x, call_id = :c where id = :id")
                    .bind("t", theirs ? erased : r.redact((String) e.get("text")))
                    .bind("a", theirs ? "erased" : r.redact((String) e.get("author")))
                    .bind("x", Redactor.pseudonym((String) e.get("external_id")))
                    .bind("c", Redactor.pseudonym((String) e.get("call_id")))
                    .bind("id", e.get("id")).execute();
        }
        h.createUpdate("update complaint set subject = :t, version = version + 1 where number = :n").bind("t", "[erased]").bind("n", n).execute();
        rewrite(h, "complaint", "number", List.of("root_cause", "transfer_reason"), r::redact, n);
        rewrite(h, "audit_record", "id", List.of("before_value", "after_value", "reason"), r::redact, n);
        rewrite(h, "promise", "id", List.of("text"), r::redact, n);
        rewrite(h, "escalation", "id", List.of("reason"), r::redact, n);
        rewrite(h, "remedy", "id", List.of("reason"), r::redact, n);
        h.createUpdate("update satisfaction set comment = '[erased]' where complaint_number = :n and comment is not null")
                .bind("n", n).execute();
        h.createUpdate("update complaint_signal set evidence = '[erased]' where complaint_number = :n").bind("n", n).execute();
        for (Map<String, Object> m : h.createQuery("select instance, external_id, reason, raw_location from inbound_message "
                + "where complaint_number = :n").bind("n", n).mapToMap().list()) {
            h.createUpdate("update inbound_message set raw = :raw, sender = 'erased', subject = '[erased]', external_id = :x, "
                            + "reason = :why, raw_location = :loc where instance = :i and external_id = :id")
                    .bind("raw", new byte[0]).bind("x", Redactor.pseudonym((String) m.get("external_id")))
                    .bind("why", r.redact((String) m.get("reason"))).bind("loc", r.redact((String) m.get("raw_location")))
                    .bind("i", m.get("instance")).bind("id", m.get("external_id")).execute();
        }
        for (Map<String, Object> o : h.createQuery("select reply_id, in_reply_to, external_id, error from outbound_message "
                + "where complaint_number = :n").bind("n", n).mapToMap().list()) {
            h.createUpdate("update outbound_message set recipient = 'erased', subject = '[erased]', text = :t, in_reply_to = :i, "
                            + "external_id = :x, error = :e where reply_id = :id")
                    .bind("t", erased).bind("i", Redactor.pseudonym((String) o.get("in_reply_to")))
                    .bind("x", Redactor.pseudonym((String) o.get("external_id"))).bind("e", r.redact((String) o.get("error")))
                    .bind("id", o.get("reply_id")).execute();
        }
        for (String ref : h.createQuery("select message_id from message_ref where complaint_number = :n").bind("n", n)
                .mapTo(String.class).list()) {
            h.createUpdate("update message_ref set message_id = :x where message_id = :id")
                    .bind("x", Redactor.pseudonym(ref)).bind("id", ref).execute();
        }
        for (String post : h.createQuery("select external_id from public_post where complaint_number = :n").bind("n", n)
                .mapTo(String.class).list()) {
            h.createUpdate("update public_post set external_id = :x where complaint_number = :n and external_id = :id")
                    .bind("x", Redactor.pseudonym(post)).bind("n", n).bind("id", post).execute();
        }
        // the files they sent are theirs too
        h.createUpdate("delete from attachment where complaint_number = :n").bind("n", n).execute();
    }

    /** Rewrites text columns of a table's rows (of one complaint, when {@code complaint} is given) through {@code f}. */
    private static void rewrite(Handle h, String table, String key, List<String> columns,
                                java.util.function.UnaryOperator<String> f, Long complaint) {
        String where = complaint == null ? "" : " where " + (table.equals("complaint") ? "number" : "complaint_number") + " = :n";
        var query = h.createQuery("select " + key + ", " + String.join(", ", columns) + " from " + table + where);
        if (complaint != null) {
            query.bind("n", complaint);
        }
        for (Map<String, Object> row : query.mapToMap().list()) {
            StringBuilder set = new StringBuilder();
            Map<String, Object> values = new LinkedHashMap<>();
            for (String c : columns) {
                String before = (String) row.get(c);
                String after = f.apply(before);
                if (before != null && !before.equals(after)) {
                    set.append(set.isEmpty() ? "" : ", ").append(c).append(" = :").append(c);
                    values.put(c, after);
                }
            }
            if (!set.isEmpty()) {
                var update = h.createUpdate("update " + table + " set " + set + " where " + key + " = :key").bind("key", row.get(key));
                values.forEach(update::bind);
                update.execute();
            }
        }
    }

    private static void require(Handle h, long id) {
        if (h.createQuery("select count(*) from customer where id = :id").bind("id", id).mapTo(Long.class).one() == 0) {
            throw new NotFoundException("there is no customer " + id);
        }
    }

    private static List<Long> numbers(Handle h, long customer) {
        return h.createQuery("select number from complaint where customer_id = :id order by number").bind("id", customer)
                .mapTo(Long.class).list();
    }

    /** The customer who writes from this identity, recorded as a new customer when the desk has not met them. */
    public static long customerOf(Tx tx, SenderIdentity sender, Instant now) {
        Handle h = tx.handle;
        Optional<Long> known = h.createQuery("select customer_id from customer_identity where kind = :kind and address = :value")
                .bind("kind", sender.kind().name()).bind("value", sender.value()).mapTo(Long.class).findOne();
        if (known.isPresent()) {
            return known.get();
        }
        long id = h.createUpdate("insert into customer (display_name, created_at) values (:name, :now)")
                .bind("name", Complaints.cut(sender.displayName().isBlank() ? sender.value() : sender.displayName(), 300))
                .bind("now", Complaints.at(now)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        h.createUpdate("insert into customer_identity (kind, address, customer_id) values (:kind, :value, :id)")
                .bind("kind", sender.kind().name()).bind("value", Complaints.cut(sender.value(), 500)).bind("id", id).execute();
        return id;
    }

    /** Where to answer a customer: the identity they last wrote from when it is still theirs, else any of theirs. */
    public static Optional<SenderIdentity> address(Tx tx, long customer, String preferred) {
        return tx.handle.createQuery("select kind, address from customer_identity where customer_id = :c "
                        + "order by case when address = :last then 0 else 1 end limit 1")
                .bind("c", customer).bind("last", preferred)
                .map((rs, ctx) -> new SenderIdentity(SenderIdentity.Kind.valueOf(rs.getString("kind")), rs.getString("address"), ""))
                .findOne();
    }

    /** The customer of a complaint. */
    public long customerOf(long complaint) {
        return database.jdbi().withHandle(h -> h.createQuery("select customer_id from complaint where number = :n").bind("n", complaint)
                .mapTo(Long.class).findOne().orElseThrow(() -> new NotFoundException("there is no complaint #" + complaint)));
    }
}
