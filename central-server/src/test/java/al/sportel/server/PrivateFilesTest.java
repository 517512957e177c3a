package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory made private at start, around entries the server may not change (tests often run as root). */
class PrivateFilesTest {

    @TempDir
    Path dataDir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    }

    @Test
    void entriesItMayNotChangeAreLeftAndTheRestIsMadePrivate() throws IOException {
        Path db = file("sportel.mv.db");
        Path log = file("logs/sportel-server.log");
        Path lostFound = Files.createDirectories(dataDir.resolve("lost+found"));
        Path lostFile = file("lost+found/#12");
        Path sudoBackup = file("backups/by-root.zip");
        for (Path p : List.of(dataDir, dataDir.resolve("logs"), lostFound, dataDir.resolve("backups"))) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Set<Path> foreign = Set.of(lostFound, sudoBackup);
        List<Path> changed = new ArrayList<>();

        List<Path> left = PrivateFiles.restrict(dataDir, (p, perms) -> {
            if (foreign.contains(p)) {
                throw new AccessDeniedException(p.toString(), null, "Operation not permitted");
            }
            changed.add(p);
            Files.setPosixFilePermissions(p, perms);
        });

        assertThat(left).containsExactlyInAnyOrder(lostFound, sudoBackup);
        assertThat(changed).as("nothing is changed inside another user's directory").doesNotContain(lostFile);
        for (Path d : List.of(dataDir, dataDir.resolve("logs"), dataDir.resolve("backups"))) {
            assertThat(mode(d)).as(d.toString()).isEqualTo("rwx------");
        }
        assertThat(mode(db)).isEqualTo("rw-------");
        assertThat(mode(log)).isEqualTo("rw-------");
        assertThat(mode(lostFound)).isEqualTo("rwxr-xr-x");
        assertThat(mode(sudoBackup)).isEqualTo("rw-r--r--");
    }

    @Test
    void anAlreadyPrivateEntryIsNotChangedSoAnotherOwnersPrivateFileIsNoWarning() throws IOException {
        Path db = file("sportel.mv.db");
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-------"));

        List<Path> left = PrivateFiles.restrict(dataDir, (p, perms) -> {
            throw new AccessDeniedException(p.toString());
        });

        assertThat(left).isEmpty();
    }

    private Path file(String name) throws IOException {
        Path p = dataDir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "x");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        return p;
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
