package org.redress.app.desk;

import java.util.Map;
import org.redress.app.store.CustomerBook;
import org.redress.app.store.DeskAudit;
import org.redress.core.staff.Actor;

/**
 * A customer's record: the card agents read, merging two records of one person, and the customer's data on
 * request (exported whole, or erased). Merges and erasures are written to the desk's audit trail here, whoever
 * asks for them.
 */
public final class CustomerCare {

    private final CustomerBook book;
    private final DeskAudit audit;

    public CustomerCare(CustomerBook book, DeskAudit audit) {
        this.book = book;
        this.audit = audit;
    }

    public Map<String, Object> card(long id) {
        return book.card(id);
    }

    /** Moves everything of {@code absorbed} to {@code survivor}; returns the survivor's card. */
    public Map<String, Object> merge(long absorbed, long survivor, Actor by, String reason) {
        book.merge(survivor, absorbed, by, reason == null ? "" : reason);
        audit.record(by, DeskAudit.Action.CUSTOMER_MERGE, "customer " + absorbed + " into " + survivor, reason == null ? "" : reason);
        return book.card(survivor);
    }

    public Map<String, Object> export(long id) {
        return book.export(id);
    }

    /** Erases the customer's personal data; returns how many complaints were touched. */
    public int erase(long id, Actor by, String reason) {
        Casework.required(reason, "reason");
        org.redress.app.store.CustomerBook.Erased erased = book.erase(id, by, reason);
        // the reason may name the person: it is kept as the erasure left it
        audit.record(by, DeskAudit.Action.CUSTOMER_ERASE, "customer " + id, erased.reason());
        return erased.complaints();
    }
}
