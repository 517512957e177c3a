package al.sportel.server.complaints;

import al.sportel.server.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The attachments' files in the data directory: a private folder, random names (nothing a citizen
 * typed reaches the file system), written once and never served from the folder directly.
 */
public final class AttachmentStore {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Path dir;

    public AttachmentStore(Path dataDir) {
        this.dir = dataDir.resolve("attachments");
    }

    /** Writes the bytes under a new random name and returns that name. */
    String save(byte[] bytes) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String name = HexFormat.of().formatHex(id) + ".bin";
        try {
            PrivateFiles.createDirectories(dir);
            Path file = dir.resolve(name);
            Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            PrivateFiles.restrictFile(file);
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] read(String storedName) {
        try {
            return Files.readAllBytes(dir.resolve(storedName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes back files of a filing that did not commit, so nothing is left half-written. */
    void delete(String storedName) {
        try {
            Files.deleteIfExists(dir.resolve(storedName));
        } catch (IOException e) {
            // a stray file in a private folder harms no one; the filing itself was refused
        }
    }

    Path directory() {
        return dir;
    }
}
