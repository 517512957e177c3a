package al.sportel.server.sms;

import java.time.Duration;

/**
 * Which {@link SmsGateway} the server uses. No {@code url}: the log-only default. With one, the HTTP
 * driver sends each message as {@code method url} with {@code bodyTemplate}, where {phone} and {text}
 * are replaced (escaped for JSON when the content type is JSON, URL-encoded for a form or in the URL).
 *
 * @param authHeader      name of the header carrying the provider's key, e.g. Authorization; may be null
 * @param authValue       its value, read from the environment or a file, never from the command line
 * @param timeout         connect and response timeout; a slow provider fails the message, never the server
 */
public record SmsConfig(String url, String method, String bodyTemplate, String contentType, String authHeader,
                        String authValue, Duration timeout) {

    public static final String DEFAULT_BODY = "{\"to\":\"{phone}\",\"text\":\"{text}\"}";

    public static SmsConfig logOnly() {
        return new SmsConfig(null, "POST", DEFAULT_BODY, "application/json", null, null, Duration.ofSeconds(10));
    }

    public SmsConfig withHttp(String newUrl, String newMethod, String newBody, String newContentType) {
        return new SmsConfig(newUrl, newMethod, newBody, newContentType, authHeader, authValue, timeout);
    }

    public SmsConfig withAuth(String header, String value) {
        return new SmsConfig(url, method, bodyTemplate, contentType, header, value, timeout);
    }

    public SmsConfig withTimeout(Duration t) {
        return new SmsConfig(url, method, bodyTemplate, contentType, authHeader, authValue, t);
    }

    /** The gateway this configuration chooses. */
    public SmsGateway gateway() {
        return url == null ? new LogSmsGateway() : new HttpSmsGateway(this);
    }

    @Override
    public String toString() { // the key stays out of logs
        return "SmsConfig[url=" + url + ", method=" + method + ", authHeader=" + authHeader + ", timeout=" + timeout + "]";
    }
}
