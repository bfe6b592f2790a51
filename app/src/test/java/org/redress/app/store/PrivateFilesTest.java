package org.redress.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Security finding 7 (#19), files: the H2 file and the data folder were created world-readable. A folder the desk
 * makes is 0700; its database, its backups and its CTI spool are 0600, whatever the umask.
 */
class PrivateFilesTest {

    @TempDir
    Path dir;

    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void the_data_folder_and_the_database_are_the_desks_alone() throws Exception {
        Path data = dir.resolve("srv").resolve("data");
        try (Database db = Database.open("jdbc:h2:file:" + data.resolve("redress"), 2)) {
            assertThat(mode(data)).isEqualTo("rwx------");
            assertThat(mode(dir.resolve("srv"))).isEqualTo("rwx------");
            assertThat(mode(data.resolve("redress.mv.db"))).isEqualTo("rw-------");
        }
        Path existing = Files.createDirectories(dir.resolve("shared"));
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rwxr-xr-x"));
        Database.open("jdbc:h2:file:" + existing.resolve("desk"), 2).close();
        assertThat(mode(existing)).as("a folder that was there is left as it was").isEqualTo("rwxr-xr-x");
        assertThat(mode(existing.resolve("desk.mv.db"))).isEqualTo("rw-------");
    }
}
