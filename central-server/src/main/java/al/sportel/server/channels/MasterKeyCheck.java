package al.sportel.server.channels;

import al.sportel.server.db.Database;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * At start: is this server's channel master key the one the partners' secrets are sealed under? With
 * several servers on one database each would otherwise make its own key, and every partner request that
 * reached the "wrong" one failed. Now such a server refuses to start and says what to set.
 */
final class MasterKeyCheck {

    static final String MISMATCH = "This server's channel master key is not the one the partners' API keys were sealed under."
            + " Every server sharing the database needs the same " + SecretBox.KEY_VARIABLE + " (docs/channels.md); after a"
            + " restore on a new machine, bring back the data directory's " + SecretBox.KEY_FILE + " or set that variable.";
    private static final byte[] PROBE = "sportel-channel-master-key".getBytes(StandardCharsets.US_ASCII);

    private MasterKeyCheck() {
    }

    static void verify(Database db, SecretBox box) {
        Optional<String> check = stored(db);
        if (check.isEmpty()) {
            // Before the check existed: the partners' secrets tell.
            db.read(h -> h.createQuery("SELECT secret_cipher FROM channel_credentials ORDER BY created_at DESC, key_id")
                    .setMaxRows(1).mapTo(String.class).findFirst()).ifPresent(sealed -> opens(box, sealed));
            try {
                db.tx(h -> h.execute("INSERT INTO channel_key_check (id, sealed) VALUES (1, ?)", box.seal(PROBE)));
                return;
            } catch (UnableToExecuteStatementException e) {
                check = stored(db); // another server wrote it first
                if (check.isEmpty()) {
                    throw e;
                }
            }
        }
        opens(box, check.get());
    }

    private static Optional<String> stored(Database db) {
        return db.read(h -> h.createQuery("SELECT sealed FROM channel_key_check WHERE id = 1").mapTo(String.class).findOne());
    }

    private static void opens(SecretBox box, String sealed) {
        try {
            box.open(sealed);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(MISMATCH, e);
        }
    }
}
