package org.redress.core.cyclea;

/** One half of a package cycle made on purpose. Only BordersBiteTest imports it. */
public final class A {
    public org.redress.core.cycleb.B b() {
        return new org.redress.core.cycleb.B();
    }
}
