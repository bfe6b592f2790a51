package org.redress.core.channel;

/** Whether the customer said something where others can read it. A public reply must not carry personal data. */
public enum Visibility {
    /** Said where anyone can read it: a public post, a reply under it. */
    PUBLIC,
    /** Said to the desk alone: a mail, a direct message, a call. */
    PRIVATE
}
