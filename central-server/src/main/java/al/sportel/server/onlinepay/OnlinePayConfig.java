package al.sportel.server.onlinepay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Which provider takes online payments, read from the environment (docs/online-payments.md). A real
 * provider is only configuration: its code, name, hosted-page URL template and webhook secret. The
 * built-in sandbox takes no real money, so it runs only when asked for by name or in a demo server;
 * without either, online payment is off. The secret is never logged or shown ({@link #toString()}).
 */
public record OnlinePayConfig(String provider, String displayName, String pageUrlTemplate, byte[] secret, Duration window) {

    public static final String SANDBOX = "SANDBOX";
    static final String SECRET_FILE = "online-pay-webhook.secret";
    static final String SANDBOX_PAGE = "/pay/sandbox/{ref}";

    /** Empty when online payment is not configured. */
    public static Optional<OnlinePayConfig> load(Map<String, String> env, Path dataDir, boolean demo) {
        String provider = env.getOrDefault("SPORTEL_PAY_PROVIDER", demo ? SANDBOX : "").strip().toUpperCase();
        if (provider.isEmpty()) {
            return Optional.empty();
        }
        if (!provider.matches("[A-Z0-9]{2,10}")) {
            throw new IllegalArgumentException("SPORTEL_PAY_PROVIDER must be 2-10 letters or digits");
        }
        boolean sandbox = SANDBOX.equals(provider);
        String page = env.getOrDefault("SPORTEL_PAY_PAGE_URL", sandbox ? SANDBOX_PAGE : "");
        if (page.isBlank() || !page.contains("{ref}")) {
            throw new IllegalArgumentException("SPORTEL_PAY_PAGE_URL must be set and contain {ref}");
        }
        String name = env.getOrDefault("SPORTEL_PAY_NAME", sandbox ? "Sandbox" : provider);
        Duration window = Duration.ofSeconds(Long.parseLong(env.getOrDefault("SPORTEL_PAY_WEBHOOK_WINDOW_SECONDS", "300")));
        return Optional.of(new OnlinePayConfig(provider, name, page, secret(env, dataDir, sandbox), window));
    }

    private static byte[] secret(Map<String, String> env, Path dataDir, boolean sandbox) {
        try {
            if (env.containsKey("SPORTEL_PAY_WEBHOOK_SECRET_FILE")) {
                return Files.readString(Path.of(env.get("SPORTEL_PAY_WEBHOOK_SECRET_FILE")), StandardCharsets.UTF_8).strip()
                        .getBytes(StandardCharsets.UTF_8);
            }
            if (env.containsKey("SPORTEL_PAY_WEBHOOK_SECRET")) {
                return env.get("SPORTEL_PAY_WEBHOOK_SECRET").strip().getBytes(StandardCharsets.UTF_8);
            }
            if (!sandbox) {
                throw new IllegalArgumentException("SPORTEL_PAY_WEBHOOK_SECRET_FILE (or SPORTEL_PAY_WEBHOOK_SECRET) must be set");
            }
            // The sandbox signs and checks its own webhooks: a secret of its own in the data folder will do.
            Path file = dataDir.resolve(SECRET_FILE);
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.createDirectories(dataDir);
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(fresh), StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system (Windows): the folder's own permissions protect it
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the online payment webhook secret", e);
        }
    }

    public boolean sandbox() {
        return SANDBOX.equals(provider);
    }

    @Override
    public String toString() {
        return "OnlinePayConfig[provider=" + provider + ", page=" + pageUrlTemplate + ", secret=(hidden)]";
    }
}
