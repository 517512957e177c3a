package al.sportel.server;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory holds the database, customers' names and the logs: readable by the server's own
 * account only — directories 0700, files 0600 — whatever umask the service was started with.
 */
public final class PrivateFiles {

    private static final Logger log = LoggerFactory.getLogger(PrivateFiles.class);
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    /** Changes one entry's permissions: {@link Files#setPosixFilePermissions}, or a test's stand-in that refuses some. */
    @FunctionalInterface
    interface Chmod {
        void apply(Path path, Set<PosixFilePermission> permissions) throws IOException;
    }

    private PrivateFiles() {
    }

    /** Creates {@code dir} (and missing parents) and makes it private. */
    public static void createDirectories(Path dir) throws IOException {
        Files.createDirectories(dir);
        set(dir, DIRECTORY);
    }

    /**
     * Makes every file and directory under {@code root} private (after the database and the log created theirs).
     * An entry the server may not change is logged and left as it is, with what it holds: a root-owned
     * {@code lost+found} of a dedicated disk, or a file a backup run with plain sudo left, must not stop the server.
     *
     * @return the entries left as they were
     */
    public static List<Path> restrict(Path root) throws IOException {
        return restrict(root, Files::setPosixFilePermissions);
    }

    static List<Path> restrict(Path root, Chmod chmod) throws IOException {
        List<Path> left = new ArrayList<>();
        if (!Files.exists(root) || !posix()) {
            return left;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                // A directory we may not change is another user's: what it holds is not ours to change either.
                return change(dir, DIRECTORY) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                // A link is followed, as the change follows it: a linked directory (attachments on shared storage) stays 0700.
                change(file, Files.isDirectory(file) ? DIRECTORY : FILE);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                leave(file, e);
                return FileVisitResult.CONTINUE;
            }

            private boolean change(Path p, Set<PosixFilePermission> permissions) {
                try {
                    // Only when needed: an owner's already private file needs no change, and no warning.
                    if (!Files.getPosixFilePermissions(p).equals(permissions)) {
                        chmod.apply(p, permissions);
                    }
                    return true;
                } catch (IOException e) {
                    leave(p, e);
                    return false;
                }
            }

            private void leave(Path p, IOException e) {
                left.add(p);
                log.warn("could not make {} private, left as it is (give it to the server's user or move it out of {}): {}",
                        p, root, e.toString());
            }
        });
        return left;
    }

    /** Makes one file private: for a file just created by a writer that does not take permissions. */
    public static void restrictFile(Path file) {
        try {
            set(file, FILE);
        } catch (IOException e) {
            // the directory is private anyway; a file we cannot change is not worth refusing to start
            log.warn("could not make {} private: {}", file, e.toString());
        }
    }

    private static void set(Path p, Set<PosixFilePermission> perms) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(p, perms);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
