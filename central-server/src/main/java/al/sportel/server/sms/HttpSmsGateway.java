package al.sportel.server.sms;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP driver of {@link SmsGateway}: one request per message to the provider's URL, built from the
 * configured template (see {@link SmsConfig}). A refusal, a timeout or an unreachable provider is logged
 * and returned as the outcome; nothing is thrown, so an SMS never fails the queue.
 */
public final class HttpSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(HttpSmsGateway.class);

    private final SmsConfig config;
    private final HttpClient client;

    public HttpSmsGateway(SmsConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    @Override
    public String send(String phone, String message) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fill(config.url(), phone, message, Escape.URL)))
                    .timeout(config.timeout());
            String method = config.method().toUpperCase(Locale.ROOT);
            if (method.equals("GET")) {
                request.GET();
            } else {
                Escape escape = config.contentType().contains("json") ? Escape.JSON
                        : config.contentType().contains("x-www-form-urlencoded") ? Escape.URL : Escape.NONE;
                request.method(method, HttpRequest.BodyPublishers.ofString(fill(config.bodyTemplate(), phone, message, escape)))
                        .header("Content-Type", config.contentType());
            }
            if (config.authHeader() != null && config.authValue() != null) {
                request.header(config.authHeader(), config.authValue());
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return "sent " + response.statusCode();
            }
            log.warn("SMS provider refused a message: HTTP {}", response.statusCode());
            return "refused: HTTP " + response.statusCode();
        } catch (IOException | IllegalArgumentException e) {
            log.warn("SMS provider not reached: {}", e.toString());
            return "failed: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "failed: interrupted";
        }
    }

    private enum Escape { NONE, URL, JSON }

    static String fill(String template, String phone, String text, Escape escape) {
        return template.replace("{phone}", escape(phone, escape)).replace("{text}", escape(text, escape));
    }

    private static String escape(String value, Escape escape) {
        return switch (escape) {
            case NONE -> value;
            case URL -> URLEncoder.encode(value, StandardCharsets.UTF_8);
            case JSON -> json(value);
        };
    }

    private static String json(String value) {
        StringBuilder b = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append("\\u%04x".formatted((int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
