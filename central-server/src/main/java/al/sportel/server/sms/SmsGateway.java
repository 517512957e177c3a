package al.sportel.server.sms;

/**
 * Sends a text message. The company's SMS provider plugs in here; the default only logs, so a fresh
 * install works without one. Implementations must not throw for a message the provider refuses:
 * they return what happened, which is kept in {@code sms_log}.
 */
public interface SmsGateway {

    /** A short outcome such as "logged", "sent id=…" or "refused: …". */
    String send(String phone, String message);
}
