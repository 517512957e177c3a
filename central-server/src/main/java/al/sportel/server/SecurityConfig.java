package al.sportel.server;

/**
 * Limits and trust settings that protect money, logins and the public pages (issue 14): the public
 * base URL, trusted proxies, payment bounds, throttles. Kept apart from {@link ServerConfig} so each
 * concern grows in its own record.
 */
public record SecurityConfig() {

    public static SecurityConfig defaults() {
        return new SecurityConfig();
    }
}
