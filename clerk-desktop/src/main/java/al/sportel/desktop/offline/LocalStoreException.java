package al.sportel.desktop.offline;

import java.nio.file.Path;

/**
 * The local file could not be opened. {@link Kind#LOCKED}: another Sportel on this computer has it
 * open (nothing was touched). {@link Kind#CORRUPT}: it could not be read and was moved to
 * {@link #keptAt()}, so the operations it may still hold are not lost and IT can recover them.
 */
public final class LocalStoreException extends Exception {

    public enum Kind { LOCKED, CORRUPT }

    private final Kind kind;
    private final Path file;
    private final Path keptAt;

    LocalStoreException(Kind kind, Path file, Path keptAt, Throwable cause) {
        super(kind + " " + file + (keptAt == null ? "" : " (kept at " + keptAt + ")") + ": " + cause.getMessage(), cause);
        this.kind = kind;
        this.file = file;
        this.keptAt = keptAt;
    }

    public Kind kind() {
        return kind;
    }

    public Path file() {
        return file;
    }

    /** Where the unreadable file now is; null when it was not moved. */
    public Path keptAt() {
        return keptAt;
    }
}
