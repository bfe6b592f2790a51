package org.redress.core.customer;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The desk's customers, found by any of their identities. This in-memory directory is the reference for the
 * rules (one identity belongs to one customer; a merge keeps everything); the app's store follows it.
 */
public final class Customers {

    private final Map<Customer.Id, Customer> byId = new LinkedHashMap<>();
    private final Map<Customer.Identity, Customer.Id> byIdentity = new HashMap<>();
    private final Map<Customer.Id, Customer.Id> mergedInto = new HashMap<>();
    private long nextId = 1;

    /** The customer with this identity, or a new one holding it. */
    public Customer findOrCreate(Customer.Identity identity, String name) {
        return find(identity).orElseGet(() -> {
            Customer c = new Customer(new Customer.Id(nextId++), name, Set.of(identity));
            byId.put(c.id(), c);
            byIdentity.put(identity, c.id());
            return c;
        });
    }

    public Optional<Customer> find(Customer.Identity identity) {
        return Optional.ofNullable(byIdentity.get(identity)).map(byId::get);
    }

    /** The customer, following merges: an id merged away resolves to the customer that absorbed it. */
    public Optional<Customer> get(Customer.Id id) {
        Customer.Id current = id;
        while (mergedInto.containsKey(current)) {
            current = mergedInto.get(current);
        }
        return Optional.ofNullable(byId.get(current));
    }

    /**
     * Adds an identity to a customer.
     *
     * @throws IllegalArgumentException when another customer already has it (merge them instead)
     */
    public void addIdentity(Customer.Id id, Customer.Identity identity) {
        Customer c = get(id).orElseThrow(() -> new IllegalArgumentException("no customer " + id));
        Customer.Id owner = byIdentity.get(identity);
        if (owner != null && !owner.equals(c.id())) {
            throw new IllegalArgumentException(identity.value() + " already belongs to customer " + owner
                    + "; merge the two customers instead");
        }
        c.addIdentity(identity);
        byIdentity.put(identity, c.id());
    }

    /**
     * Merges {@code absorbed} into {@code survivor}: every identity moves over, and every complaint of the
     * absorbed customer is the survivor's from now on (complaints keep the old id; {@link #get} follows it).
     */
    public Customer merge(Customer.Id survivor, Customer.Id absorbed) {
        Customer keep = get(survivor).orElseThrow(() -> new IllegalArgumentException("no customer " + survivor));
        Customer gone = get(absorbed).orElseThrow(() -> new IllegalArgumentException("no customer " + absorbed));
        if (keep.id().equals(gone.id())) {
            throw new IllegalArgumentException("cannot merge customer " + survivor + " into itself");
        }
        keep.addIdentities(gone.identities());
        gone.identities().forEach(i -> byIdentity.put(i, keep.id()));
        byId.remove(gone.id());
        mergedInto.put(gone.id(), keep.id());
        if (keep.name().isEmpty()) {
            keep.rename(gone.name());
        }
        return keep;
    }

    /** Whether two ids now name the same customer. */
    public boolean same(Customer.Id a, Customer.Id b) {
        return get(a).map(Customer::id).equals(get(b).map(Customer::id));
    }

    public Collection<Customer> all() {
        return List.copyOf(byId.values());
    }
}
