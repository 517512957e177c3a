package al.sportel.server;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Operating settings (issue 17), kept apart from {@link ServerConfig} so each concern grows in its own
 * record.
 *
 * @param opsToken      bearer token that {@code /metrics} and {@code /ops/backup} on the main port ask for; {@code null} means
 *                      they are not served on the main port
 * @param managementPort a second port serving {@code /metrics} and {@code /health/*} without a token,
 *                      meant for loopback or a monitoring network; {@code -1} means none
 * @param managementHost the address the management port listens on
 * @param dayEnd        local time at which each centre's day ends unless the centre sets its own;
 *                      {@code null} means {@link #DEFAULT_DAY_END}, except for a demo server, which keeps
 *                      its queue at any hour unless a time is given
 * @param zone          the centres' time zone
 */
public record OpsConfig(String opsToken, int managementPort, String managementHost, LocalTime dayEnd, ZoneId zone) {

    public static final LocalTime DEFAULT_DAY_END = LocalTime.of(20, 0);
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Tirane");

    public static OpsConfig defaults() {
        return new OpsConfig(null, -1, "127.0.0.1", null, DEFAULT_ZONE);
    }

    public OpsConfig withOpsToken(String token) {
        return new OpsConfig(token == null || token.isBlank() ? null : token, managementPort, managementHost, dayEnd, zone);
    }

    public OpsConfig withManagement(String host, int port) {
        return new OpsConfig(opsToken, port, host, dayEnd, zone);
    }

    public OpsConfig withDayEnd(LocalTime time) {
        return new OpsConfig(opsToken, managementPort, managementHost, time, zone);
    }
}
