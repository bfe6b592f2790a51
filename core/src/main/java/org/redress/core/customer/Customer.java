package org.redress.core.customer;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** A person or company who complains, reachable at any number of identities across channels. */
public final class Customer {

    /** A customer's number at the desk. */
    public record Id(long value) {
        @Override
        public String toString() {
            return "C" + value;
        }
    }

    /** The sorts of address a customer is reached at. */
    public enum IdentityKind { EMAIL, SOCIAL, PHONE }

    /**
     * One address of a customer, in canonical form: lower-case email, {@code network:@handle}, E.164 number.
     */
    public record Identity(IdentityKind kind, String value) {
        public Identity {
            Objects.requireNonNull(kind, "kind");
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("an identity needs a value");
            }
            value = kind == IdentityKind.PHONE ? value.strip() : value.strip().toLowerCase(Locale.ROOT);
        }

        public static Identity email(String address) {
            return new Identity(IdentityKind.EMAIL, address);
        }

        public static Identity phone(String e164) {
            return new Identity(IdentityKind.PHONE, e164);
        }

        public static Identity social(String networkAndHandle) {
            return new Identity(IdentityKind.SOCIAL, networkAndHandle);
        }
    }

    private final Id id;
    private String name;
    private final Set<Identity> identities = new LinkedHashSet<>();

    public Customer(Id id, String name, Set<Identity> identities) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = name == null ? "" : name.strip();
        this.identities.addAll(identities);
    }

    public Id id() {
        return id;
    }

    public String name() {
        return name;
    }

    public void rename(String name) {
        this.name = name == null ? "" : name.strip();
    }

    public Set<Identity> identities() {
        return Set.copyOf(identities);
    }

    public boolean has(Identity identity) {
        return identities.contains(identity);
    }

    void addIdentities(Set<Identity> more) {
        identities.addAll(more);
    }

    public void addIdentity(Identity identity) {
        identities.add(identity);
    }

    @Override
    public String toString() {
        return id + " " + name + " " + identities;
    }
}
