package al.sportel.server.channels;

import al.sportel.model.channels.Partner;
import al.sportel.model.channels.PartnerCredential;
import al.sportel.model.channels.PartnerKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The SQL of partners and their keys. */
final class PartnerQueries {

    /** A key with what checking a request needs: its sealed secret and its partner. */
    record KeyRow(String keyId, String secretCipher, Instant expiresAt, Instant revokedAt, Partner partner) {
        boolean usableAt(Instant now) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    private static final String PARTNER_COLUMNS = "p.id, p.code, p.name, p.kind, p.active, p.created_at";

    private PartnerQueries() {
    }

    static Partner partner(ResultSet rs) throws SQLException {
        return new Partner(rs.getLong("id"), rs.getString("code"), rs.getString("name"), PartnerKind.valueOf(rs.getString("kind")),
                rs.getBoolean("active"), instant(rs, "created_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static List<Partner> all(Handle h) {
        return h.createQuery("SELECT " + PARTNER_COLUMNS + " FROM channel_partners p ORDER BY p.kind, p.name")
                .map((rs, c) -> partner(rs)).list();
    }

    static Optional<Partner> byId(Handle h, long id) {
        return h.createQuery("SELECT " + PARTNER_COLUMNS + " FROM channel_partners p WHERE p.id = :id")
                .bind("id", id).map((rs, c) -> partner(rs)).findOne();
    }

    static Optional<Partner> byCode(Handle h, String code) {
        return h.createQuery("SELECT " + PARTNER_COLUMNS + " FROM channel_partners p WHERE p.code = :code")
                .bind("code", code).map((rs, c) -> partner(rs)).findOne();
    }

    static long insert(Handle h, String code, String name, PartnerKind kind, boolean active, Instant now) {
        return h.createUpdate("INSERT INTO channel_partners (code, name, kind, active, created_at) VALUES (:code, :name, :kind, :active, :now)")
                .bind("code", code).bind("name", name).bind("kind", kind.name()).bind("active", active).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    static void setActive(Handle h, long id, boolean active) {
        h.execute("UPDATE channel_partners SET active = ? WHERE id = ?", active, id);
    }

    static Optional<KeyRow> key(Handle h, String keyId) {
        return h.createQuery("""
                        SELECT k.key_id, k.secret_cipher, k.expires_at, k.revoked_at, %s
                        FROM channel_credentials k JOIN channel_partners p ON p.id = k.partner_id WHERE k.key_id = :k
                        """.formatted(PARTNER_COLUMNS))
                .bind("k", keyId)
                .map((rs, c) -> new KeyRow(rs.getString("key_id"), rs.getString("secret_cipher"), instant(rs, "expires_at"),
                        instant(rs, "revoked_at"), partner(rs)))
                .findOne();
    }

    static List<PartnerCredential> keys(Handle h, long partnerId, Instant now) {
        return h.createQuery("""
                        SELECT key_id, partner_id, created_at, expires_at, revoked_at FROM channel_credentials
                        WHERE partner_id = :p ORDER BY created_at DESC, key_id
                        """)
                .bind("p", partnerId)
                .map((rs, c) -> {
                    Instant expires = instant(rs, "expires_at");
                    Instant revoked = instant(rs, "revoked_at");
                    return new PartnerCredential(rs.getString("key_id"), rs.getLong("partner_id"), instant(rs, "created_at"),
                            expires, revoked, revoked == null && (expires == null || expires.isAfter(now)));
                })
                .list();
    }

    static void insertKey(Handle h, String keyId, long partnerId, String sealed, Instant now) {
        h.execute("INSERT INTO channel_credentials (key_id, partner_id, secret_cipher, created_at) VALUES (?, ?, ?, ?)",
                keyId, partnerId, sealed, now);
    }

    /** Rotation: the partner's keys that do not yet expire keep working until {@code until}, then stop. */
    static void expireOthers(Handle h, long partnerId, String exceptKey, Instant until) {
        h.execute("""
                UPDATE channel_credentials SET expires_at = ?
                WHERE partner_id = ? AND key_id <> ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)
                """, until, partnerId, exceptKey, until);
    }

    static int revoke(Handle h, long partnerId, String keyId, Instant now) {
        return h.execute("UPDATE channel_credentials SET revoked_at = ? WHERE partner_id = ? AND key_id = ? AND revoked_at IS NULL",
                now, partnerId, keyId);
    }
}
