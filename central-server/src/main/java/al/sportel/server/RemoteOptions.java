package al.sportel.server;

import al.sportel.server.remote.RemoteQueueConfig;
import al.sportel.server.sms.SmsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The remote-queue and SMS settings of the command line and the environment (issue 19), kept out of
 * {@link Main} so each concern's options stay together. The SMS key is read from SPORTEL_SMS_AUTH or a
 * file, never from an option (command lines are visible to every user of the machine).
 */
final class RemoteOptions {

    static final String USAGE = """
            Remote tickets and SMS (issue 19; README "Remote tickets and SMS"):
              --remote-tickets-per-account N  per verified account and day (SPORTEL_REMOTE_PER_ACCOUNT, default 3)
              --remote-tickets-per-address N  per client address and day (SPORTEL_REMOTE_PER_ADDRESS, default 10)
              --sms-url URL        send SMS through this HTTP provider (SPORTEL_SMS_URL; default: log only);
                                   {phone} and {text} in the URL are replaced, URL-encoded
              --sms-method M       POST (default), PUT or GET (SPORTEL_SMS_METHOD)
              --sms-body T         body template with {phone} and {text} (SPORTEL_SMS_BODY,
                                   default {"to":"{phone}","text":"{text}"})
              --sms-content-type C (SPORTEL_SMS_CONTENT_TYPE, default application/json)
              --sms-auth-header H  header carrying the provider's key, e.g. Authorization (SPORTEL_SMS_AUTH_HEADER);
                                   its value from SPORTEL_SMS_AUTH or --sms-auth-file FILE
            """;

    private static final Set<String> OPTIONS = Set.of("--remote-tickets-per-account", "--remote-tickets-per-address",
            "--sms-url", "--sms-method", "--sms-body", "--sms-content-type", "--sms-auth-header", "--sms-auth-file");

    private RemoteOptions() {
    }

    static boolean takes(String option) {
        return OPTIONS.contains(option);
    }

    static ServerConfig fromEnv(ServerConfig c, Map<String, String> env) {
        ServerConfig r = c;
        for (var e : Map.of("SPORTEL_REMOTE_PER_ACCOUNT", "--remote-tickets-per-account",
                "SPORTEL_REMOTE_PER_ADDRESS", "--remote-tickets-per-address", "SPORTEL_SMS_URL", "--sms-url",
                "SPORTEL_SMS_METHOD", "--sms-method", "SPORTEL_SMS_BODY", "--sms-body",
                "SPORTEL_SMS_CONTENT_TYPE", "--sms-content-type", "SPORTEL_SMS_AUTH_HEADER", "--sms-auth-header").entrySet()) {
            String v = env.get(e.getKey());
            if (v != null && !v.isBlank()) {
                r = apply(r, e.getValue(), v.strip());
            }
        }
        String auth = env.get("SPORTEL_SMS_AUTH");
        if (auth != null && !auth.isBlank()) {
            r = r.withSms(r.sms().withAuth(r.sms().authHeader(), auth.strip()));
        }
        return r;
    }

    static ServerConfig apply(ServerConfig c, String option, String value) {
        RemoteQueueConfig remote = c.remote();
        SmsConfig sms = c.sms();
        return switch (option) {
            case "--remote-tickets-per-account" -> c.withRemote(remote.withLimits(count(option, value), remote.perAddressPerDay()));
            case "--remote-tickets-per-address" -> c.withRemote(remote.withLimits(remote.perAccountPerDay(), count(option, value)));
            case "--sms-url" -> {
                if (!value.startsWith("http://") && !value.startsWith("https://")) {
                    throw new IllegalArgumentException(option + " must be an http:// or https:// address");
                }
                yield c.withSms(sms.withHttp(value, sms.method(), sms.bodyTemplate(), sms.contentType()));
            }
            case "--sms-method" -> {
                String m = value.toUpperCase(Locale.ROOT);
                if (!Set.of("POST", "PUT", "GET").contains(m)) {
                    throw new IllegalArgumentException(option + " must be POST, PUT or GET, got '" + value + "'");
                }
                yield c.withSms(sms.withHttp(sms.url(), m, sms.bodyTemplate(), sms.contentType()));
            }
            case "--sms-body" -> c.withSms(sms.withHttp(sms.url(), sms.method(), value, sms.contentType()));
            case "--sms-content-type" -> c.withSms(sms.withHttp(sms.url(), sms.method(), sms.bodyTemplate(), value));
            case "--sms-auth-header" -> c.withSms(sms.withAuth(value, sms.authValue()));
            case "--sms-auth-file" -> {
                try {
                    yield c.withSms(sms.withAuth(sms.authHeader(), Files.readString(Path.of(value)).strip()));
                } catch (IOException e) {
                    throw new IllegalArgumentException(option + ": cannot read " + value + " (" + e.getMessage() + ")");
                }
            }
            default -> throw new IllegalArgumentException("unknown option " + option);
        };
    }

    private static int count(String option, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0 || n > 1000) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number from 0 to 1000, got '" + value + "'");
        }
    }
}
