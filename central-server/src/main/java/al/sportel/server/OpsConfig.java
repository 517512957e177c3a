package al.sportel.server;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Operating settings (issue 17), kept apart from {@link ServerConfig} so each concern grows in its own
 * record.
 *
 * @param opsToken       bearer token that {@code /metrics} and {@code /ops/backup} on the main port ask
 *                       for; {@code null} means they are not served on the main port
 * @param managementPort a second port serving {@code /metrics}, {@code /health/*} and the H2 backup
 *                       without a token, meant for loopback or a monitoring network; {@code -1} means none
 * @param managementHost the address the management port listens on
 * @param dayEnd         local time at which each centre's day ends unless the centre sets its own;
 *                       {@code null} means {@link #DEFAULT_DAY_END}, except for a demo server, which keeps
 *                       its queue at any hour unless a time is given
 * @param zone           the centres' time zone
 * @param logDir         where the log files go; {@code null} means {@code logs} in the data directory
 * @param drain          how long a stopping node reports "not ready" before it stops taking requests,
 *                       so a load balancer moves new traffic away first
 */
public record OpsConfig(String opsToken, int managementPort, String managementHost, LocalTime dayEnd, ZoneId zone,
                        Path logDir, Duration drain) {

    public static final LocalTime DEFAULT_DAY_END = LocalTime.of(20, 0);
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Tirane");

    public static OpsConfig defaults() {
        return new OpsConfig(null, -1, "127.0.0.1", null, DEFAULT_ZONE, null, Duration.ZERO);
    }

    public OpsConfig withOpsToken(String token) {
        return new OpsConfig(token == null || token.isBlank() ? null : token, managementPort, managementHost, dayEnd, zone, logDir, drain);
    }

    public OpsConfig withManagement(String host, int port) {
        return new OpsConfig(opsToken, port, host, dayEnd, zone, logDir, drain);
    }

    public OpsConfig withDayEnd(LocalTime time) {
        return new OpsConfig(opsToken, managementPort, managementHost, time, zone, logDir, drain);
    }

    public OpsConfig withLogDir(Path dir) {
        return new OpsConfig(opsToken, managementPort, managementHost, dayEnd, zone, dir, drain);
    }

    public OpsConfig withDrain(Duration d) {
        return new OpsConfig(opsToken, managementPort, managementHost, dayEnd, zone, logDir, d);
    }
}
