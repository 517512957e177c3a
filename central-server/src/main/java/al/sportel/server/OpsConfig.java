package al.sportel.server;

/**
 * Operating settings (issue 17): metrics protection or management port, the day-end job. Kept apart
 * from {@link ServerConfig} so each concern grows in its own record.
 */
public record OpsConfig() {

    public static OpsConfig defaults() {
        return new OpsConfig();
    }
}
