package al.sportel.server.channels;

import al.sportel.server.db.Database;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start: is this server's channel master key the one the partners' secrets are sealed under? With
 * several servers on one database each would otherwise make its own key, and every partner request that
 * reached the "wrong" one failed. Such a server refuses to start and says what to set, but only while a
 * partner key it could not open is still in use: a centre restored on a new machine without its old key,
 * whose partners have no usable key, starts (and says that any old partner keys must be issued again).
 */
final class MasterKeyCheck {

    static final String MISMATCH = "This server's channel master key is not the one the partners' API keys were sealed under."
            + " Every server sharing the database needs the same " + SecretBox.KEY_VARIABLE + " (docs/channels.md); after a"
            + " restore on a new machine, bring back the data directory's " + SecretBox.KEY_FILE + " or set that variable.";
    private static final byte[] PROBE = "sportel-channel-master-key".getBytes(StandardCharsets.US_ASCII);
    private static final Logger log = LoggerFactory.getLogger(MasterKeyCheck.class);

    private MasterKeyCheck() {
    }

    static void verify(Database db, SecretBox box, Instant now) {
        // the partner keys still in use: not revoked, not expired
        List<String> inUse = db.read(h -> h.createQuery("""
                        SELECT secret_cipher FROM channel_credentials
                        WHERE revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now) ORDER BY created_at DESC
                        """)
                .bind("now", now).setMaxRows(1).mapTo(String.class).list());
        inUse.forEach(sealed -> opens(box, sealed));
        Optional<String> check = stored(db);
        if (check.isPresent() && !opensQuietly(box, check.get())) {
            // no partner key in use was sealed under the old key, so nothing breaks: this key takes over
            log.warn("the channel master key changed; no partner API key in use was sealed under the old one, so this key"
                    + " takes over (partner keys issued before must be issued again)");
            db.tx(h -> h.execute("UPDATE channel_key_check SET sealed = ? WHERE id = 1", box.seal(PROBE)));
            return;
        }
        if (check.isEmpty()) {
            try {
                db.tx(h -> h.execute("INSERT INTO channel_key_check (id, sealed) VALUES (1, ?)", box.seal(PROBE)));
            } catch (UnableToExecuteStatementException e) {
                // another server wrote it first: it must be under the same key
                opens(box, stored(db).orElseThrow(() -> e));
            }
        }
    }

    private static Optional<String> stored(Database db) {
        return db.read(h -> h.createQuery("SELECT sealed FROM channel_key_check WHERE id = 1").mapTo(String.class).findOne());
    }

    private static boolean opensQuietly(SecretBox box, String sealed) {
        try {
            box.open(sealed);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static void opens(SecretBox box, String sealed) {
        if (!opensQuietly(box, sealed)) {
            throw new IllegalStateException(MISMATCH);
        }
    }
}
