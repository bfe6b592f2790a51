package org.redress.core.channel.testkit;

/** The inputs a channel under contract test must be able to prepare, each in its own empty folder. */
public enum Scenario {
    /** At least three ordinary customer messages, none automated. */
    ORDINARY,
    /** At least one item the channel cannot understand, among at least one good message. */
    GARBAGE,
    /** At least one machine-sent item (auto-reply, bounce, our own echo), plus one ordinary message. */
    AUTOMATED,
    /** An ordinary message and a later one that continues it. */
    FOLLOW_UP
}
