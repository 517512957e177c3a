package al.sportel.server.onlinepay;

import al.sportel.model.Money;
import al.sportel.server.channels.Signature;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.PublicLinks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Any provider that works the common way, configured and not coded: its page URL is a template with
 * {@code {ref}}, {@code {amount}} and {@code {returnUrl}}; our reference is its reference; its webhook is
 * {@code {"ref","outcome","amount"}} signed like a partner request (docs/channels.md, HMAC-SHA256 over
 * method, path, timestamp and body hash) with the shared secret, accepted within the time window.
 * The built-in sandbox is one of these, whose page happens to be served by this server.
 */
public final class HostedPageProvider implements PaymentProvider {

    public static final String TIMESTAMP_HEADER = Signature.TIMESTAMP_HEADER;
    public static final String SIGNATURE_HEADER = Signature.SIGNATURE_HEADER;

    private final OnlinePayConfig config;
    private final PublicLinks links;
    private final ObjectMapper mapper;
    private final Clock clock;

    public HostedPageProvider(OnlinePayConfig config, PublicLinks links, ObjectMapper mapper, Clock clock) {
        this.config = config;
        this.links = links;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public String code() {
        return config.provider();
    }

    @Override
    public String displayName() {
        return config.displayName();
    }

    @Override
    public Started start(Start request) {
        String url = config.pageUrlTemplate()
                .replace("{ref}", request.ref())
                .replace("{amount}", Money.format(request.amount()))
                .replace("{returnUrl}", URLEncoder.encode(request.returnUrl(), StandardCharsets.UTF_8));
        return new Started(request.ref(), url.startsWith("/") ? links.to(url) : url);
    }

    @Override
    public Optional<Event> verify(Delivery d) {
        if (d.timestamp() == null || d.signature() == null || !d.timestamp().matches("\\d{1,12}")) {
            return Optional.empty();
        }
        long age = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(d.timestamp()));
        if (age > config.window().toSeconds()
                || !Signature.matches(config.secret(), "POST", d.pathAndQuery(), d.timestamp(), d.body(), d.signature())) {
            return Optional.empty();
        }
        return Optional.of(parse(d.body()));
    }

    /** Signs a webhook body for {@code path} as the provider would: the sandbox's own deliveries. */
    String sign(String path, Instant at, byte[] body) {
        return Signature.sign(config.secret(), "POST", path, Long.toString(at.getEpochSecond()), body);
    }

    private Event parse(byte[] body) {
        try {
            JsonNode n = mapper.readTree(body);
            String ref = n.path("ref").asText("");
            String outcome = n.path("outcome").asText("");
            if (!ref.matches("[A-Za-z0-9._:-]{1,64}") || !outcome.matches("PAID|DECLINED|ABANDONED")) {
                throw ApiException.badRequest("The webhook needs ref and outcome PAID, DECLINED or ABANDONED");
            }
            return new Event(ref, Outcome.valueOf(outcome), Money.parse(n.path("amount").asText("")));
        } catch (IOException | IllegalArgumentException e) {
            throw ApiException.badRequest("The webhook body is not the expected JSON: " + e.getMessage());
        }
    }
}
