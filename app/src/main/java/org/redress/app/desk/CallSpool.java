package org.redress.app.desk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Where a phone system's CTI events wait for the desk: appended, one JSON line each, to the spool file that a
 * phone-log channel (format cti) reads, so calls reach the desk through that channel like any other, once and in
 * order. A line is acknowledged only once it is on disk.
 */
public final class CallSpool {

    private final Optional<Path> file;

    CallSpool(Optional<Path> file) {
        this.file = file;
    }

    /** Whether the configuration names a spool. */
    public boolean enabled() {
        return file.isPresent();
    }

    /** Appends one event, a single line of JSON. */
    public void append(String jsonLine) {
        if (jsonLine.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a CTI event is one line of JSON");
        }
        Path spool = file.orElseThrow(() -> new IllegalStateException("CTI events are not enabled: set desk.cti-spool in redress.yaml, "
                + "and a phone-log channel with format cti reading that file"));
        byte[] bytes = (jsonLine + "\n").getBytes(StandardCharsets.UTF_8);
        // one writer at a time, so two events never interleave in the file
        synchronized (this) {
            try {
                org.redress.app.store.PrivateFiles.folder(spool.toAbsolutePath().getParent());
                boolean created = !Files.exists(spool);
                try (FileChannel f = FileChannel.open(spool, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
                    if (created) {
                        org.redress.app.store.PrivateFiles.file(spool); // callers' numbers: the desk's alone
                    }
                    f.write(ByteBuffer.wrap(bytes));
                    f.force(true);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to the CTI spool " + spool + ": " + e.getMessage(), e);
            }
        }
    }
}
