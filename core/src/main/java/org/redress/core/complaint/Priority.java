package org.redress.core.complaint;

/** P1 is the most urgent. */
public enum Priority {
    P1, P2, P3, P4;

    /** One step more urgent, P1 staying P1. */
    public Priority raised() {
        return this == P1 ? P1 : values()[ordinal() - 1];
    }
}
