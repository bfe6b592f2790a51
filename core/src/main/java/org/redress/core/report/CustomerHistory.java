package org.redress.core.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Entry;
import org.redress.core.customer.Customer;
import org.redress.core.customer.Customers;

/**
 * One customer's complaints, merged customers included: how many, how many open, which repeat an earlier one
 * (same category within the repeat window), and when they were last in touch.
 */
public record CustomerHistory(Customer.Id customer, List<Complaint.Number> complaints, long open,
                              List<Complaint.Number> repeats, Optional<Instant> lastContact) {

    public static final Duration REPEAT_WINDOW = Duration.ofDays(90);

    public static CustomerHistory of(Customer.Id customer, Iterable<Complaint> complaints, Customers customers) {
        List<Complaint> theirs = new ArrayList<>();
        for (Complaint c : complaints) {
            if (customers.same(c.customer(), customer)) {
                theirs.add(c);
            }
        }
        return ofTheirs(customers.get(customer).map(Customer::id).orElse(customer), theirs);
    }

    /** The history of a customer whose complaints a store has already gathered (merged records included). */
    public static CustomerHistory ofTheirs(Customer.Id customer, List<Complaint> theirs) {
        theirs = new ArrayList<>(theirs);
        theirs.sort(Comparator.comparing(Complaint::receivedAt));
        List<Complaint.Number> repeats = new ArrayList<>();
        Instant last = null;
        long open = 0;
        for (int i = 0; i < theirs.size(); i++) {
            Complaint c = theirs.get(i);
            if (c.status().isOpen()) {
                open++;
            }
            for (int j = 0; j < i; j++) {
                Complaint earlier = theirs.get(j);
                if (earlier.category().equals(c.category())
                        && !c.receivedAt().isAfter(earlier.receivedAt().plus(REPEAT_WINDOW))) {
                    repeats.add(c.number());
                    break;
                }
            }
            for (Entry e : c.timeline()) {
                boolean fromCustomer = (e instanceof Entry.CustomerMessage in && !in.automated()) || e instanceof Entry.Call;
                if (fromCustomer && (last == null || e.at().isAfter(last))) {
                    last = e.at();
                }
            }
        }
        return new CustomerHistory(customer, theirs.stream().map(Complaint::number).toList(), open, repeats,
                Optional.ofNullable(last));
    }
}
