package al.sportel.server.channels;

import al.sportel.model.UserInfo;
import al.sportel.model.channels.IssuedCredential;
import al.sportel.model.channels.Partner;
import al.sportel.model.channels.PartnerCredential;
import al.sportel.model.channels.PartnerKind;
import al.sportel.server.admin.AuditLog;
import al.sportel.server.db.Database;
import al.sportel.server.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registering partners and managing their API keys: issue, rotate with an overlap, revoke. All audited. */
public final class PartnerService {

    private static final Logger log = LoggerFactory.getLogger(PartnerService.class);

    /** How long a partner's previous key keeps working after a new one is issued, unless the admin says otherwise. */
    public static final Duration DEFAULT_OVERLAP = Duration.ofHours(24);
    static final Duration MAX_OVERLAP = Duration.ofDays(30);

    private final Database db;
    private final SecretBox box;
    private final AuditLog audit;
    private final Clock clock;

    public PartnerService(Database db, SecretBox box, Clock clock) {
        this.db = db;
        this.box = box;
        this.audit = new AuditLog(clock);
        this.clock = clock;
    }

    public List<Partner> list() {
        return db.read(PartnerQueries::all);
    }

    public Partner get(long id) {
        return db.read(h -> PartnerQueries.byId(h, id)).orElseThrow(() -> ApiException.notFound("No payment partner " + id));
    }

    public Optional<Partner> byCode(String code) {
        return db.read(h -> PartnerQueries.byCode(h, code));
    }

    public Partner create(UserInfo admin, String code, String name, PartnerKind kind, boolean active) {
        return db.tx(h -> {
            if (PartnerQueries.byCode(h, code).isPresent()) {
                throw ApiException.conflict("partner-exists", "A partner with code " + code + " already exists");
            }
            long id = PartnerQueries.insert(h, code, name, kind, active, now());
            audit.record(h, admin, null, "channel.partner.create", "partner " + code, kind + " " + name);
            return PartnerQueries.byId(h, id).orElseThrow();
        });
    }

    public Partner setActive(UserInfo admin, long id, boolean active) {
        return db.tx(h -> {
            Partner p = PartnerQueries.byId(h, id).orElseThrow(() -> ApiException.notFound("No payment partner " + id));
            PartnerQueries.setActive(h, id, active);
            audit.record(h, admin, null, active ? "channel.partner.activate" : "channel.partner.deactivate", "partner " + p.code(), null);
            return PartnerQueries.byId(h, id).orElseThrow();
        });
    }

    public List<PartnerCredential> credentials(long partnerId) {
        get(partnerId);
        return db.read(h -> PartnerQueries.keys(h, partnerId, clock.instant()));
    }

    /**
     * A new key; the partner's other live keys keep working for {@code overlap} more, so it can switch
     * its systems over without a moment in which neither key works.
     */
    public IssuedCredential issue(UserInfo admin, long partnerId, Duration overlap) {
        if (overlap.isNegative() || overlap.compareTo(MAX_OVERLAP) > 0) {
            throw ApiException.invalid("overlapHours", "must be from 0 to " + MAX_OVERLAP.toHours());
        }
        return db.tx(h -> {
            Partner p = PartnerQueries.byId(h, partnerId).orElseThrow(() -> ApiException.notFound("No payment partner " + partnerId));
            Instant now = now();
            String keyId = p.code() + "-" + HexFormat.of().formatHex(SecretBox.randomBytes(6));
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(SecretBox.randomBytes(32));
            boolean hadKeys = PartnerQueries.keys(h, partnerId, now).stream().anyMatch(PartnerCredential::usable);
            PartnerQueries.insertKey(h, keyId, partnerId, box.seal(secret.getBytes(StandardCharsets.UTF_8)), now);
            Instant until = now.plus(overlap);
            PartnerQueries.expireOthers(h, partnerId, keyId, until);
            audit.record(h, admin, null, "channel.key.issue", "partner " + p.code(), "key " + keyId
                    + (hadKeys ? ", older keys valid until " + until : ""));
            return new IssuedCredential(partnerId, keyId, secret, now, hadKeys ? until : null);
        });
    }

    public void revoke(UserInfo admin, long partnerId, String keyId) {
        db.tx(h -> {
            Partner p = PartnerQueries.byId(h, partnerId).orElseThrow(() -> ApiException.notFound("No payment partner " + partnerId));
            if (PartnerQueries.revoke(h, partnerId, keyId, now()) == 0) {
                throw ApiException.notFound("Partner " + p.code() + " has no live key " + keyId);
            }
            audit.record(h, admin, null, "channel.key.revoke", "partner " + p.code(), "key " + keyId);
            return null;
        });
    }

    /** The partner a signing key belongs to and its secret, if the key is known and still usable. */
    Optional<SigningKey> signingKey(String keyId) {
        Instant now = clock.instant();
        return db.read(h -> PartnerQueries.key(h, keyId))
                .filter(k -> k.usableAt(now))
                .map(k -> new SigningKey(k.keyId(), openOrExplain(k.secretCipher()), k.partner()));
    }

    /** A key sealed under another master key (a misconfigured second server) is the server's fault: 503, said plainly. */
    private byte[] openOrExplain(String sealed) {
        try {
            return box.open(sealed);
        } catch (IllegalStateException e) {
            log.error(MasterKeyCheck.MISMATCH);
            throw new ApiException(503, "channel-key-mismatch", "Service unavailable",
                    "This server cannot check partner signatures (its channel master key differs); try again or tell the operator",
                    List.of(), 60L);
        }
    }

    record SigningKey(String keyId, byte[] secret, Partner partner) {
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
