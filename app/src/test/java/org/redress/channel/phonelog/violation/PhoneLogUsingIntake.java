package org.redress.channel.phonelog.violation;

/** Crosses a border on purpose: a channel using core beyond the SPI. Only BordersBiteTest imports it. */
public final class PhoneLogUsingIntake {
    public static Object runner() {
        return new org.redress.core.intake.IntakeRunner(null, 1);
    }
}
