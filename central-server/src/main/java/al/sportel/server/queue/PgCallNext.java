package al.sportel.server.queue;

import al.sportel.model.CounterStatus;
import al.sportel.server.auth.Users;
import al.sportel.server.db.SqlByCount;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Call-next on PostgreSQL in two statements: the counter's lock (with its clerk and services), then one
 * claim that evaluates the no-starvation rule of {@link StarvationGuard} in SQL, picks the next ticket in
 * the order of {@link CallOrder} ({@code FOR UPDATE SKIP LOCKED}), calls it and marks the rule's
 * promotion. The rule reads O(log n) index entries per service rather than every waiting ticket: the
 * oldest eligible regular ticket, the newest calls since it was issued (at most {@code maxPriorityInRow}
 * of them) and the service's thresholds. Keep it in step with {@link StarvationGuard#judge}; the two are
 * compared on the same data by a test.
 */
final class PgCallNext {

    /** The counter, locked, with what call-next needs of it; {@code remoteWaiting}: some remote ticket awaits check-in. */
    record Locked(CounterRow counter, List<Long> services, boolean remoteWaiting) {
    }

    private PgCallNext() {
    }

    /**
     * Locks the counter in one round trip. The claim runs as its own statement after this, so its
     * snapshot sees a call another request made at this counter while this one waited for the lock.
     * {@code NO KEY UPDATE} excludes every other change of the counter but not the foreign-key check of
     * a transfer to it still in flight (which {@code FOR UPDATE} would wait for).
     * <p>
     * The statement's snapshot is taken before it waits for the lock, so its services and clerk would be
     * what they were before a change that held the lock (a supervisor moving the counter to other
     * services). Every such change writes a new version of the counter row ({@link CounterActions}); the
     * lock returns the newest version, and when its {@code xmin} is not the one the snapshot saw, the
     * counter is read again by a second statement, which sees that change.
     * <p>
     * The lock also switches the rest of its transaction to generic plans ({@code SET LOCAL}, ended by the
     * commit; PostgreSQL 12 or later): PostgreSQL kept re-planning the claim for its parameters (0.9 ms of
     * planning per call, in {@code pg_stat_statements}), and the plan it made each time ran slower than the
     * generic one (1.26 against 0.72 ms). The claim finds its ticket through indexes on the centre, the day,
     * the status and the services in issue order; its other conditions (an appointment's slot, the longest
     * wait) only filter those few rows, so the generic plan does not depend on the day's figures. While remote
     * tickets await check-in, call-next reads the rule into Java ({@link StarvationGuard#load}, whose range
     * reads want plans for their own dates) and the default stays.
     */
    static Optional<Locked> lock(Handle h, long counterId, LocalDate day) {
        Optional<Fetched> first = fetch(h, counterId, day);
        if (first.isPresent() && first.get().changedWhileWaiting()) {
            return fetch(h, counterId, day).map(Fetched::locked); // the lock is held now: no wait, a fresh snapshot
        }
        return first.map(Fetched::locked);
    }

    private record Fetched(Locked locked, boolean changedWhileWaiting) {
    }

    private static Optional<Fetched> fetch(Handle h, long counterId, LocalDate day) {
        return h.createQuery("""
                        SELECT c.id, c.branch_code, c.counter_number, c.name, c.status, c.clerk_user_id,
                               u.id AS uid, u.username, u.display_name, u.role, u.branch_code AS ubranch,
                               ARRAY(SELECT cs.service_id FROM counter_services cs WHERE cs.counter_id = c.id
                                     ORDER BY cs.sort_order) AS services,
                               remote.waiting AS remote_waiting,
                               c.xmin::text <> (SELECT x.xmin::text FROM counters x WHERE x.id = c.id) AS changed,
                               set_config('plan_cache_mode', CASE WHEN remote.waiting THEN current_setting('plan_cache_mode')
                                                                  ELSE 'force_generic_plan' END, true) AS plans
                        FROM counters c LEFT JOIN users u ON u.id = c.clerk_user_id
                             CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM tickets r WHERE r.branch_code = c.branch_code
                                 AND r.business_date = :d AND r.awaiting_check_in AND r.status = 'WAITING') AS waiting) remote
                        WHERE c.id = :id FOR NO KEY UPDATE OF c
                        """)
                .bind("id", counterId).bind("d", day)
                .map((rs, ctx) -> new Fetched(new Locked(new CounterRow(rs.getLong("id"), rs.getString("branch_code"),
                        rs.getInt("counter_number"), rs.getString("name"), CounterStatus.valueOf(rs.getString("status")),
                        TicketRow.nullableLong(rs, "uid") == null ? null : Users.fromRow(rs, "uid", "ubranch")),
                        services(rs), rs.getBoolean("remote_waiting")), rs.getBoolean("changed")))
                .findOne();
    }

    private static List<Long> services(ResultSet rs) throws SQLException {
        Array a = rs.getArray("services");
        return Arrays.stream((Long[]) a.getArray()).toList();
    }

    /**
     * The rule per service, as {@link StarvationGuard#judge}: the oldest waiting regular ticket that no
     * other tier holds; IN_ROW when the newest {@code max_row} calls of the service since it was issued
     * were all priority calls, else WAIT when it has waited {@code max_wait} minutes.
     */
    private static final String RULE = """
            svc AS (
                SELECT s.id AS sid, s.max_priority_in_row AS max_row, s.max_regular_wait_minutes AS max_wait
                FROM services s WHERE s.id IN (<services>) AND (s.max_priority_in_row IS NOT NULL
                                                               OR s.max_regular_wait_minutes IS NOT NULL)
            ),
            oldest AS (
                SELECT svc.sid, svc.max_row, svc.max_wait, o.id, o.issued_at
                FROM svc CROSS JOIN LATERAL (
                    SELECT t.id, t.issued_at FROM tickets t
                    WHERE t.branch_code = :b AND t.business_date = :d AND t.service_id = svc.sid AND t.status = 'WAITING'
                      AND NOT t.priority AND NOT t.call_next AND t.target_counter_id IS NULL
                      AND NOT (t.appointment_start IS NOT NULL AND t.appointment_start <= :now AND t.appointment_start > :slotFrom)
                    ORDER BY t.issued_at, t.id COLLATE "C" LIMIT 1) o
            ),
            promo AS (
                SELECT o.id,
                       CASE WHEN o.max_row IS NOT NULL AND o.max_row <= (
                                SELECT count(*) FROM (
                                    SELECT bool_and(c.priority) OVER (ORDER BY c.called_at DESC) AS leading
                                    FROM (SELECT t.priority, t.called_at FROM tickets t
                                          WHERE t.branch_code = :b AND t.business_date = :d AND t.service_id = o.sid
                                            AND t.called_at >= o.issued_at
                                          ORDER BY t.called_at DESC LIMIT o.max_row) c) w
                                WHERE w.leading) THEN 'IN_ROW'
                            WHEN o.max_wait IS NOT NULL
                                 AND o.issued_at <= CAST(:now AS TIMESTAMPTZ) - make_interval(mins => o.max_wait) THEN 'WAIT'
                       END AS rule
                FROM oldest o
            )""";

    /** The tier of {@link StarvationGuard#tier}: the guard only sees the counter's services (all when it has none). */
    private static final String TIER = """
            CASE WHEN (:all OR t.service_id IN (<services>)) AND t.call_next THEN 0
                 WHEN t.id IN (SELECT id FROM promo WHERE rule = 'IN_ROW') THEN 0
                 WHEN (:all OR t.service_id IN (<services>)) AND t.appointment_start <= :now AND t.appointment_start > :slotFrom THEN 1
                 WHEN t.priority OR t.id IN (SELECT id FROM promo WHERE rule = 'WAIT') THEN 2 ELSE 3 END""";

    /** The rule's decisions alone (for the test that compares them with {@link StarvationGuard}). */
    static String ruleQuery() {
        return "WITH " + RULE + " SELECT id, rule FROM promo WHERE rule IS NOT NULL";
    }

    /** Who call-next may take at all: waiting, checked in, for the counter or one of its services; the counter not busy. */
    private static final String CANDIDATE = """
            t.branch_code = :b AND t.business_date = :d AND t.status = 'WAITING' AND NOT t.awaiting_check_in
                      AND (t.target_counter_id = :c OR (t.target_counter_id IS NULL AND t.service_id IN (<services>)))
                      AND NOT EXISTS (SELECT 1 FROM tickets busy WHERE busy.counter_id = :c AND busy.status IN ('CALLED', 'SERVING'))""";

    /**
     * What a claim gave: the ticket it called, or none; then {@code counterBusy} says whether that was because
     * the counter still has a ticket (the statement's own look, so an empty call costs no second statement).
     */
    record Claimed(Optional<TicketRow> called, boolean counterBusy) {
    }

    /** The claim's text for a counter of n services (their ranks are bound as :s0, :s1, …). */
    private static final SqlByCount CLAIM = new SqlByCount(n -> "WITH " + RULE + """
                ,
                ahead AS (
                    SELECT t.id FROM tickets t
                    WHERE %1$s
                      AND (t.target_counter_id = :c OR t.call_next OR t.priority
                           OR (t.appointment_start <= :now AND t.appointment_start > :slotFrom)
                           OR t.id IN (SELECT id FROM promo WHERE rule IS NOT NULL))
                    ORDER BY CASE WHEN t.target_counter_id IS NULL THEN 1 ELSE 0 END, %2$s, t.issued_at, %3$s, t.seq
                    LIMIT 1 FOR UPDATE OF t SKIP LOCKED
                ),
                plain AS (
                    SELECT t.id FROM tickets t
                    WHERE %1$s
                      AND t.target_counter_id IS NULL AND NOT t.call_next AND NOT t.priority
                      AND NOT (t.appointment_start IS NOT NULL AND t.appointment_start <= :now AND t.appointment_start > :slotFrom)
                      AND t.id NOT IN (SELECT id FROM promo WHERE rule IS NOT NULL)
                      AND NOT EXISTS (SELECT 1 FROM ahead)
                    ORDER BY t.issued_at, %3$s, t.seq
                    LIMIT 1 FOR UPDATE OF t SKIP LOCKED
                ),
                pick AS (SELECT id FROM ahead UNION ALL SELECT id FROM plain),
                called AS (
                    UPDATE tickets t SET status = 'CALLED', counter_id = :c, called_at = :now, call_next = FALSE,
                           starvation_rule = COALESCE((SELECT rule FROM promo WHERE promo.id = t.id), t.starvation_rule)
                    FROM pick WHERE t.id = pick.id AND t.status = 'WAITING'
                    RETURNING t.id, t.ticket_number, t.service_id, t.branch_code, t.status, t.priority, t.issued_at,
                              t.called_at, t.started_at, t.finished_at, t.counter_id, t.target_counter_id, t.seq,
                              t.priority_category, t.call_next
                )
                SELECT called.*, s.letter, busy.counter_busy
                FROM (SELECT EXISTS (SELECT 1 FROM tickets b WHERE b.counter_id = :c AND b.status IN ('CALLED', 'SERVING'))
                      AS counter_busy) busy
                     LEFT JOIN called ON TRUE LEFT JOIN services s ON s.id = called.service_id
                """.formatted(CANDIDATE, TIER, TicketClaim.rank(n)));

    /**
     * Claims and calls the next ticket; its row, or none when none waits or the counter is busy. The call
     * order puts every ticket with a tier below regular (or transferred to the counter) ahead of all plain
     * regular ones, so the claim sorts those few ({@code ahead}) and otherwise takes the first plain ticket
     * in issue order straight from the index ({@code plain}) instead of sorting the whole queue.
     */
    static Claimed claim(Handle h, CounterRow counter, List<Long> services, LocalDate day, Instant now) {
        String sql = CLAIM.of(services.size());
        var q = h.createQuery(sql).bind("c", counter.id());
        bindRule(q, counter.branchCode(), services, day, now).bind("all", services.isEmpty());
        for (int i = 0; i < services.size(); i++) {
            q.bind("s" + i, services.get(i));
        }
        return q.map((rs, ctx) -> new Claimed(rs.getString("id") == null ? Optional.empty() : Optional.of(TicketRow.map(rs)),
                rs.getBoolean("counter_busy"))).one();
    }

    static <Q extends SqlStatement<Q>> Q bindRule(Q q, String branchCode, List<Long> services, LocalDate day, Instant now) {
        return q.bind("b", branchCode).bind("d", day).bind("now", now).bind("slotFrom", now.minus(StarvationGuard.SLOT))
                .bindList("services", services.isEmpty() ? List.of(-1L) : services);
    }
}
