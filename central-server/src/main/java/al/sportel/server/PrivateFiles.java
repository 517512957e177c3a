package al.sportel.server;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * The data directory holds the database, customers' names and the logs: readable by the server's own
 * account only — directories 0700, files 0600 — whatever umask the service was started with.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Creates {@code dir} (and missing parents) and makes it private. */
    public static void createDirectories(Path dir) throws IOException {
        Files.createDirectories(dir);
        set(dir, DIRECTORY);
    }

    /** Makes every file and directory under {@code root} private (after the database and the log created theirs). */
    public static void restrict(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                set(p, Files.isDirectory(p) ? DIRECTORY : FILE);
            }
        }
    }

    /** Makes one file private: for a file just created by a writer that does not take permissions. */
    public static void restrictFile(Path file) {
        try {
            set(file, FILE);
        } catch (IOException e) {
            // the directory is private anyway; a file we cannot change is not worth refusing to start
            LoggerFactory.getLogger(PrivateFiles.class).warn("could not make {} private: {}", file, e.toString());
        }
    }

    private static void set(Path p, Set<PosixFilePermission> perms) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(p, perms);
        }
    }
}
