package al.sportel.server.events;

import al.sportel.model.UserInfo;
import al.sportel.server.auth.Access;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff streams open on this node, and the tokens they were opened with. A staff stream carries
 * customers' names, accounts and counters, so it ends with its session: every {@link #CHECK} one read
 * asks which of the tokens are still valid, and the streams whose token was logged out, reset or has
 * expired, whose user was disabled, or whose user may no longer see the branch are closed. A client
 * reconnecting then gets the 401 or 403 that a new request would. Revocations on another node count too:
 * they are in the sessions table every node reads.
 */
final class StaffStreams implements AutoCloseable {

    static final Duration CHECK = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(StaffStreams.class);

    private record Open(String token, String branchCode, Subscriber subscriber) {
    }

    private final Function<Collection<String>, Map<String, UserInfo>> stillValid;
    private final Set<Open> open = ConcurrentHashMap.newKeySet();
    private boolean closed;
    /** Started with the first staff stream: a server that never gets one (or fails to start) has no thread. */
    private ScheduledExecutorService checker;

    /** {@code stillValid}: of some tokens, those still valid now, with their users as they are now. */
    StaffStreams(Function<Collection<String>, Map<String, UserInfo>> stillValid) {
        this.stillValid = stillValid;
    }

    private synchronized void startChecking() {
        if (checker == null && !closed) {
            checker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sportel-staff-streams");
                t.setDaemon(true);
                return t;
            });
            checker.scheduleWithFixedDelay(this::check, CHECK.toMillis(), CHECK.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Watches a staff stream until it closes; returns what to run when it does. */
    Runnable watch(String token, String branchCode, Subscriber subscriber) {
        Open o = new Open(token, branchCode, subscriber);
        open.add(o);
        startChecking();
        return () -> open.remove(o);
    }

    int watched() {
        return open.size();
    }

    void check() {
        open.removeIf(o -> o.subscriber().isClosed());
        if (open.isEmpty()) {
            return;
        }
        Map<String, UserInfo> valid;
        try {
            valid = stillValid.apply(open.stream().map(Open::token).collect(Collectors.toSet()));
        } catch (RuntimeException e) {
            // The database is away: nothing new reaches the streams either, and the next check decides.
            log.warn("could not check the sessions of {} staff streams: {}", open.size(), e.getMessage());
            return;
        }
        for (Open o : open) {
            UserInfo user = valid.get(o.token());
            if (user == null || !Access.staffOf(user, o.branchCode())) {
                log.info("closing a staff stream of {}: its session ended or its user may no longer see the branch",
                        o.branchCode());
                open.remove(o);
                o.subscriber().close();
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (checker != null) {
            checker.shutdownNow();
        }
    }
}
