package org.redress.channel.email;

import java.time.Duration;
import org.redress.core.channel.Batch;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.Checkpoint;

/**
 * Where mail comes from: a folder of .eml files, an mbox, a Maildir, an IMAP or POP3 mailbox. Keeps the
 * {@link org.redress.core.channel.Channel} contract for reading: {@link #read} has no side effect at the
 * source, {@link #commit} may flag, move or delete what the desk has stored.
 */
interface Inbox extends AutoCloseable {

    Batch read(Checkpoint after, int max) throws ChannelException;

    void commit(Checkpoint upTo) throws ChannelException;

    default boolean awaitNew(Duration max) throws ChannelException {
        return false;
    }

    @Override
    void close();
}
