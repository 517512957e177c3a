package al.sportel.server.fiscal;

import al.sportel.model.UserInfo;
import al.sportel.server.auth.Access;
import al.sportel.server.db.Database;
import al.sportel.server.fiscal.FiscalQueries.TcrRow;
import al.sportel.server.fiscal.FiscalService.GatewayFactory;
import al.sportel.server.http.ApiException;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The taxpayer's set-up: settings, the certificate that signs receipts, business units and operator codes,
 * and the helpers every other fiscal part needs from it (the key, a gateway, a counter the user may use).
 */
final class FiscalSetup {

    private static final Logger log = LoggerFactory.getLogger(FiscalService.class);

    private final Database db;
    private final Clock clock;
    private final GatewayFactory gateways;
    private final KeyCache keys = new KeyCache();

    FiscalSetup(Database db, Clock clock, GatewayFactory gateways) {
        this.db = db;
        this.clock = clock;
        this.gateways = gateways;
    }

    FiscalSettings settings() {
        return db.read(FiscalQueries::settings);
    }

    FiscalSettings saveSettings(FiscalSettings s) {
        if (s.enabled()) {
            TaxpayerKey key;
            try {
                key = keys.get(s);
            } catch (RuntimeException e) {
                log.warn("fiscal settings refused: {}", e.getMessage());
                throw ApiException.invalid("keystorePath", "could not be read with the password in keystorePasswordFile");
            }
            List<String> problems = key.problems(clock.instant(), s.nuis());
            if (!problems.isEmpty()) {
                throw ApiException.invalid("keystorePath", String.join("; ", problems));
            }
        }
        db.tx(h -> {
            FiscalQueries.saveSettings(h, s, clock.instant());
            return null;
        });
        return settings();
    }

    /**
     * At start: with fiscalization on, says loudly in the log when the taxpayer certificate cannot sign receipts
     * (unreadable, expired, another NUIS, a broken chain) or ends within 30 days. Answers the problems found.
     */
    List<String> checkCertificate() {
        FiscalSettings s = settings();
        if (!s.enabled()) {
            return List.of();
        }
        List<String> problems;
        try {
            TaxpayerKey key = keys.get(s);
            problems = key.problems(clock.instant(), s.nuis());
            if (problems.isEmpty() && key.expiresSoon(clock.instant())) {
                log.warn("FISCAL: the taxpayer certificate ends on {}; renew it before then (docs/fiscal.md)", key.validUntil());
            }
        } catch (RuntimeException e) {
            problems = List.of(e.getMessage());
        }
        for (String p : problems) {
            log.error("FISCAL: receipts cannot be fiscalized: {} (docs/fiscal.md, \"From the test endpoint to production\")", p);
        }
        return problems;
    }

    void setBusinessUnit(String branch, String code) {
        db.tx(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM branches WHERE code = :b").bind("b", branch).mapTo(Integer.class).one() == 0) {
                throw ApiException.notFound("No branch " + branch);
            }
            FiscalQueries.setBusinessUnit(h, branch, code);
            return null;
        });
    }

    void setOperator(long userId, String code) {
        db.tx(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM users WHERE id = :u").bind("u", userId).mapTo(Integer.class).one() == 0) {
                throw ApiException.notFound("No user " + userId);
            }
            FiscalQueries.setOperator(h, userId, code);
            return null;
        });
    }

    /** The signing key for these settings; throws when the keystore cannot be read. */
    TaxpayerKey key(FiscalSettings s) {
        return keys.get(s);
    }

    FiscalGateway gateway(FiscalSettings s) {
        return gateways.open(s, keys.get(s));
    }

    TcrRow counter(UserInfo user, long counterId) {
        TcrRow c = db.read(h -> FiscalQueries.counter(h, counterId)).orElseThrow(() -> ApiException.notFound("No counter " + counterId));
        Access.requireBranch(user, c.branchCode());
        return c;
    }

    FiscalSettings readySettings() {
        FiscalSettings s = settings();
        if (!s.enabled() || !s.missing().isEmpty()) {
            throw ApiException.conflict("fiscal-not-configured", "Fiscalization is off or not fully configured: " + s.missing());
        }
        return s;
    }
}
