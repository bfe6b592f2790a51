package org.redress.channel.phonelog;

/** A row that cannot be read; the message names the line and what is wrong with it. */
final class BadRow extends Exception {
    private static final long serialVersionUID = 1L;

    BadRow(long line, String problem) {
        super("line " + line + ": " + problem);
    }
}
