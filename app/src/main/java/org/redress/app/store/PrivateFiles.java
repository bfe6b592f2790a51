package org.redress.app.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The desk's own files are its user's alone: every complaint, raw message and password hash is in them. Folders the
 * desk creates are 0700, its database, backups and spools 0600, whatever the process's umask. Java cannot set the
 * umask, so each file is narrowed as soon as it exists; on a system without POSIX permissions nothing is changed.
 */
public final class PrivateFiles {

    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Creates the folder and any parents that are missing, each the desk's alone; folders that exist are left as they are. */
    public static void folder(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        if (absolute.getParent() != null) {
            folder(absolute.getParent());
        }
        try {
            Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(FOLDER));
        } catch (UnsupportedOperationException e) {
            Files.createDirectory(absolute);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // made by another thread or process in between: theirs to keep
        }
    }

    /** Narrows a file that exists to its owner. */
    public static void file(Path file) {
        try {
            if (Files.exists(file)) {
                Files.setPosixFilePermissions(file, FILE);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system, or not ours to change: left as it is
        }
    }

    /** The files an H2 database at this JDBC URL keeps, narrowed to the owner. */
    static void h2Files(String url) {
        if (!url.startsWith("jdbc:h2:file:")) {
            return;
        }
        String base = url.substring("jdbc:h2:file:".length()).split(";", 2)[0];
        for (String suffix : new String[] {".mv.db", ".trace.db", ".lock.db"}) {
            file(Path.of(base + suffix));
        }
    }
}
