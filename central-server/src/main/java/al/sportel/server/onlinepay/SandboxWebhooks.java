package al.sportel.server.onlinepay;

import al.sportel.server.http.PublicLinks;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's side of the webhook, as a provider does it: a signed POST to our public webhook URL over
 * real HTTP, and, when it does not get a 2xx, a few more tries later. The browser is sent back either way;
 * the result screen waits for the webhook.
 */
final class SandboxWebhooks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SandboxWebhooks.class);
    private static final long[] RETRY_SECONDS = {2, 10, 60};

    private final HostedPageProvider provider;
    private final PublicLinks links;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sandbox-webhook-retry");
        t.setDaemon(true);
        return t;
    });

    SandboxWebhooks(HostedPageProvider provider, PublicLinks links, ObjectMapper mapper, Clock clock) {
        this.provider = provider;
        this.links = links;
        this.mapper = mapper;
        this.clock = clock;
    }

    void deliver(String providerRef, PaymentProvider.Outcome outcome, String amount) {
        Map<String, String> event = new LinkedHashMap<>();
        event.put("ref", providerRef);
        event.put("outcome", outcome.name());
        event.put("amount", amount);
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (!send(body, providerRef)) {
            schedule(body, providerRef, 0);
        }
    }

    private void schedule(byte[] body, String ref, int attempt) {
        if (attempt >= RETRY_SECONDS.length) {
            log.error("sandbox webhook for {} not accepted after {} retries", ref, attempt);
            return;
        }
        retries.schedule(() -> {
            if (!send(body, ref)) {
                schedule(body, ref, attempt + 1);
            }
        }, RETRY_SECONDS[attempt], TimeUnit.SECONDS);
    }

    private boolean send(byte[] body, String ref) {
        String path = OnlinePayRoutes.WEBHOOK.replace("{provider}", provider.code().toLowerCase());
        var now = clock.instant();
        HttpRequest request = HttpRequest.newBuilder(URI.create(links.to(path)))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(HostedPageProvider.TIMESTAMP_HEADER, Long.toString(now.getEpochSecond()))
                .header(HostedPageProvider.SIGNATURE_HEADER, provider.sign(path, now, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() / 100 == 2) {
                return true;
            }
            log.warn("sandbox webhook for {} answered {}", ref, r.statusCode());
        } catch (IOException e) {
            log.warn("sandbox webhook for {} failed: {}", ref, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public void close() {
        retries.shutdownNow();
    }
}
