package al.sportel.server.sms;

import al.sportel.server.db.Database;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends through the configured {@link SmsGateway} and keeps every message and its outcome in {@code sms_log}. */
public final class SmsSender {

    private static final Logger log = LoggerFactory.getLogger(SmsSender.class);

    private final Database db;
    private final SmsGateway gateway;
    private final Clock clock;

    public SmsSender(Database db, SmsGateway gateway, Clock clock) {
        this.db = db;
        this.gateway = gateway;
        this.clock = clock;
    }

    public SmsGateway gateway() {
        return gateway;
    }

    /** Never throws for the provider's sake: a failed message is logged and recorded, not fatal. */
    public String send(String phone, String text, String purpose) {
        return send(phone, text, purpose, null);
    }

    /**
     * {@code secret}: a code in the text that opens something (an appointment's kiosk check-in). Only the provider
     * gets it; {@code sms_log} and the log-only gateway keep the text with the code masked.
     */
    public String send(String phone, String text, String purpose, String secret) {
        String outcome;
        String kept = secret == null || secret.isEmpty() ? text : text.replace(secret, "*".repeat(secret.length()));
        try {
            outcome = gateway instanceof LogSmsGateway ? gateway.send(phone, kept) : gateway.send(phone, text);
        } catch (RuntimeException e) {
            log.warn("SMS gateway failed ({})", purpose, e);
            outcome = "failed: " + e.getClass().getSimpleName();
        }
        String result = outcome.length() > 100 ? outcome.substring(0, 100) : outcome;
        db.tx(h -> h.createUpdate("INSERT INTO sms_log (phone, message, purpose, sent_at, outcome) VALUES (:p, :m, :purpose, :now, :o)")
                .bind("p", phone).bind("m", kept.length() > 500 ? kept.substring(0, 500) : kept).bind("purpose", purpose)
                .bind("now", clock.instant().truncatedTo(ChronoUnit.MICROS)).bind("o", result).execute());
        return outcome;
    }
}
