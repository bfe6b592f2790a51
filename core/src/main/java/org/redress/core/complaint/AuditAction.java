package org.redress.core.complaint;

import java.util.Optional;

/**
 * What sort of change an audit record is about. Stored under its name ({@link #stored()}), which stays stable as
 * the desk's audit trails are kept for years; code compares the enum, never the text.
 */
public enum AuditAction {
    RECEIVE("receive"), TRANSITION("transition"), DECISION("decision"), PLAYBOOK("playbook"), ASSIGN("assign"), ROUTE("route"),
    TRANSFER_REQUESTED("transfer-requested"), TRANSFER_ACCEPTED("transfer-accepted"), TRANSFER_DECLINED("transfer-declined"),
    ESCALATE("escalate"), PRIORITY("priority"), CATEGORY("category"), ROOT_CAUSE("root-cause"), CUSTOMER("customer"),
    GUARD_OVERRIDE("guard-override"), ERASE_PERSONAL_DATA("erase-personal-data"), REMEDY_PROPOSED("remedy-proposed"),
    REMEDY_DECIDED("remedy-decided"), ABUSE("abuse"), ANSWERED("answered");

    private final String stored;

    AuditAction(String stored) {
        this.stored = stored;
    }

    /** The name it is stored and shown under. */
    public String stored() {
        return stored;
    }

    /** The action stored under a name, if it is one of these. */
    public static Optional<AuditAction> of(String stored) {
        for (AuditAction a : values()) {
            if (a.stored.equals(stored)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
