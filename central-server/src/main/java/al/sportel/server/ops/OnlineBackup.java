package al.sportel.server.ops;

import al.sportel.server.db.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * H2's online backup: {@code BACKUP TO} copies a consistent image of the embedded database into a zip (and the
 * attachments beside it, {@link BackupFiles})
 * while the server keeps answering. The file is made inside the data directory (the only place the
 * installed service may write) and handed over by the caller; PostgreSQL is backed up with pg_dump
 * instead ({@link BackupCommand}).
 */
public final class OnlineBackup {

    private final Database db;
    private final Path dataDir;

    public OnlineBackup(Database db, Path dataDir) {
        this.db = db;
        this.dataDir = dataDir;
    }

    public boolean supported() {
        return !db.isPostgres();
    }

    /** A fresh zip of the database; the caller deletes it when sent. */
    public Path make() throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve("backups"));
        Path zip = Files.createTempFile(dir, "sportel-", ".zip");
        Files.delete(zip); // BACKUP TO refuses nothing, but a leftover empty file would hide a failed run
        String target = zip.toAbsolutePath().toString().replace("'", "''");
        try {
            db.read(h -> h.execute("BACKUP TO '" + target + "'"));
            BackupFiles.addAttachments(zip, dataDir);
            return zip;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(zip); // nobody else would: a full copy of the database left behind
            throw e;
        }
    }
}
