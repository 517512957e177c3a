package al.sportel.server.remote;

import java.time.Duration;

/**
 * Remote tickets (issue 19).
 *
 * @param perAccountPerDay remote tickets one verified account may take per business day
 * @param perAddressPerDay remote tickets one client address may take per business day (several
 *                         accounts behind one phone or one NAT)
 * @param alertInterval    how often the near-the-front SMS alerts are looked for
 * @param nearAhead        people ahead at which the "near the front" alert goes out
 */
public record RemoteQueueConfig(int perAccountPerDay, int perAddressPerDay, Duration alertInterval, int nearAhead) {

    public static RemoteQueueConfig defaults() {
        return new RemoteQueueConfig(3, 10, Duration.ofSeconds(15), 3);
    }

    public RemoteQueueConfig withLimits(int account, int address) {
        return new RemoteQueueConfig(account, address, alertInterval, nearAhead);
    }

    public RemoteQueueConfig withAlertInterval(Duration d) {
        return new RemoteQueueConfig(perAccountPerDay, perAddressPerDay, d, nearAhead);
    }
}
