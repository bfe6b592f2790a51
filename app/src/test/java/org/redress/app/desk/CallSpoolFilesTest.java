package org.redress.app.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CTI spool holds callers' numbers: its file is 0600 and a folder made for it 0700 (#19). */
class CallSpoolFilesTest {

    @TempDir
    Path dir;

    @Test
    void the_cti_spool_is_the_desks_alone() throws Exception {
        Path spool = dir.resolve("spool").resolve("cti.jsonl");
        new CallSpool(Optional.of(spool)).append("{\"event\":\"ringing\",\"from\":\"+40722123456\"}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spool))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spool.getParent()))).isEqualTo("rwx------");
    }
}
