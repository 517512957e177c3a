package al.sportel.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Limits and trust settings that protect money, logins and the public pages (issue 14). Kept apart
 * from {@link ServerConfig} so each concern grows in its own record; docs/security.md lists them.
 *
 * @param publicUrl             base of every link printed or shown to citizens (QR codes); {@code null}
 *                              means the server's own address, never the request's Host header
 * @param trustedProxies        addresses of reverse proxies whose X-Forwarded-For is believed
 * @param offlineWindow         how far back an offline payment's {@code takenAt} may lie
 * @param clockSkew             how far in the future a {@code takenAt} may lie (counter PC clocks drift)
 * @param maxPayment            the largest single payment, in qindarka, online and offline
 * @param loginMaxFailures      failed logins per username and address before the lock
 * @param loginWindow           how long failures count, and how long the lock lasts
 * @param trackLookupsPerMinute public tracking lookups per client address
 * @param kioskTicketsPerMinute tickets one kiosk (one account) may issue per minute
 * @param displayStreamsPerAddress open public display streams per client address
 * @param bookingsPerHour       appointment bookings and cancellations per client address and hour (issue 20)
 * @param ratingsPerHour        ticket ratings (phone view and counter tablet) per client address and hour (issue 20)
 */
public record SecurityConfig(
        String publicUrl,
        List<String> trustedProxies,
        Duration offlineWindow,
        Duration clockSkew,
        long maxPayment,
        int loginMaxFailures,
        Duration loginWindow,
        int trackLookupsPerMinute,
        int kioskTicketsPerMinute,
        int displayStreamsPerAddress,
        int bookingsPerHour,
        int ratingsPerHour) {

    public SecurityConfig {
        trustedProxies = List.copyOf(trustedProxies);
        if (publicUrl != null) {
            publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        }
    }

    public static SecurityConfig defaults() {
        return new SecurityConfig(null, List.of(), Duration.ofHours(48), Duration.ofMinutes(5), 100_000_000L,
                5, Duration.ofMinutes(15), 30, 60, 10, 30, 240);
    }

    public SecurityConfig withPublicUrl(String url) {
        return new SecurityConfig(url, trustedProxies, offlineWindow, clockSkew, maxPayment, loginMaxFailures, loginWindow,
                trackLookupsPerMinute, kioskTicketsPerMinute, displayStreamsPerAddress, bookingsPerHour, ratingsPerHour);
    }

    public SecurityConfig withTrustedProxies(List<String> proxies) {
        return new SecurityConfig(publicUrl, proxies, offlineWindow, clockSkew, maxPayment, loginMaxFailures, loginWindow,
                trackLookupsPerMinute, kioskTicketsPerMinute, displayStreamsPerAddress, bookingsPerHour, ratingsPerHour);
    }

    /**
     * The limits an operator may change through the environment (docs/security.md): a load test needs
     * kiosks faster than people, a city-wide display wall more streams from one address.
     */
    public SecurityConfig withEnvironment(Map<String, String> env) {
        return new SecurityConfig(publicUrl, trustedProxies,
                Duration.ofHours(positive(env, "SPORTEL_OFFLINE_WINDOW_HOURS", offlineWindow.toHours())), clockSkew,
                Math.multiplyExact(positive(env, "SPORTEL_MAX_PAYMENT_LEK", maxPayment / 100), 100L), loginMaxFailures, loginWindow,
                (int) positive(env, "SPORTEL_TRACK_LOOKUPS_PER_MINUTE", trackLookupsPerMinute),
                (int) positive(env, "SPORTEL_KIOSK_TICKETS_PER_MINUTE", kioskTicketsPerMinute),
                (int) positive(env, "SPORTEL_DISPLAY_STREAMS_PER_ADDRESS", displayStreamsPerAddress),
                (int) positive(env, "SPORTEL_BOOKINGS_PER_HOUR", bookingsPerHour),
                (int) positive(env, "SPORTEL_RATINGS_PER_HOUR", ratingsPerHour));
    }

    private static long positive(Map<String, String> env, String name, long fallback) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            long v = Long.parseLong(raw.strip());
            if (v > 0 && v <= 1_000_000_000L) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a positive whole number, got '" + raw + "'");
    }

    public SecurityConfig withThrottles(int trackPerMinute, int kioskPerMinute, int streamsPerAddress) {
        return new SecurityConfig(publicUrl, trustedProxies, offlineWindow, clockSkew, maxPayment, loginMaxFailures, loginWindow,
                trackPerMinute, kioskPerMinute, streamsPerAddress, bookingsPerHour, ratingsPerHour);
    }

    /** The public, login-free writes of issue 20: bookings (and cancellations) and ratings per address and hour. */
    public SecurityConfig withPublicWriteLimits(int bookings, int ratings) {
        return new SecurityConfig(publicUrl, trustedProxies, offlineWindow, clockSkew, maxPayment, loginMaxFailures, loginWindow,
                trackLookupsPerMinute, kioskTicketsPerMinute, displayStreamsPerAddress, bookings, ratings);
    }
}
