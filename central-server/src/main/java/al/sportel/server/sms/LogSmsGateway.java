package al.sportel.server.sms;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default {@link SmsGateway}: writes the message to the log (the number masked) and sends nothing. */
public final class LogSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(LogSmsGateway.class);

    @Override
    public String send(String phone, String message) {
        String masked = phone.length() <= 3 ? "***" : "***" + phone.substring(phone.length() - 3);
        log.info("SMS to {}: {}", masked, message);
        return "logged";
    }
}
