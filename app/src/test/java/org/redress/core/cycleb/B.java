package org.redress.core.cycleb;

/** The other half of a package cycle made on purpose. Only BordersBiteTest imports it. */
public final class B {
    public org.redress.core.cyclea.A a() {
        return new org.redress.core.cyclea.A();
    }
}
