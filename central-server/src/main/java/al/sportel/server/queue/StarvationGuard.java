package al.sportel.server.queue;

import al.sportel.model.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The no-starvation rule, per service: priority tickets go first, but after {@code maxPriorityInRow}
 * priority calls in a row while regular tickets wait, the oldest regular ticket goes next; and a
 * regular ticket that has waited {@code maxRegularWaitMinutes} joins the priority tickets in the order
 * of issue. A reactivated no-show the branch sends to the next call goes first too.
 *
 * <p>The rule keeps no counter of its own: the run of priority calls is read from today's call times,
 * so it stays right when several server instances share the database and after a restart.
 *
 * <p>Call-next on PostgreSQL evaluates the same rule in SQL ({@link PgCallNext}); a change to
 * {@link #judge} or the tiers must be made there too (StarvationRuleSqlTest compares the two).
 */
public final class StarvationGuard {

    /**
     * Call-next takes tier 0 first, then checked-in appointments in their slot, then priority, then
     * regular tickets, each tier by issue time.
     */
    static final int FIRST = 0;
    static final int APPOINTMENT = 1;
    static final int PRIORITY = 2;
    static final int REGULAR = 3;
    /** An appointment's slot: from its start for this long it goes ahead of walk-ins. */
    static final Duration SLOT = Duration.ofHours(1);

    public record ServiceRule(long serviceId, Integer maxPriorityInRow, Integer maxRegularWaitMinutes) {
    }

    /** Today's tickets that are waiting or were called, as the rule needs them. */
    record Line(String id, long serviceId, boolean priority, TicketStatus status, Instant issuedAt, Instant calledAt,
                boolean callNext, Long targetCounterId, Instant appointmentStart, int seq) {
    }

    private final Map<Long, ServiceRule> rules;
    private final List<Line> lines;
    private final Map<Long, Integer> runs = new HashMap<>();
    private final Map<String, Integer> tiers = new HashMap<>();
    /** Regular tickets the rule lifts, with the half of the rule that did: IN_ROW or WAIT. */
    private final Map<String, String> promotions = new HashMap<>();

    private StarvationGuard(Map<Long, ServiceRule> rules, List<Line> lines, Instant now) {
        this.rules = rules;
        this.lines = lines;
        Map<Long, List<Line>> byService = new HashMap<>();
        for (Line l : lines) {
            byService.computeIfAbsent(l.serviceId(), k -> new ArrayList<>()).add(l);
            if (l.status() == TicketStatus.WAITING && l.callNext()) {
                tiers.put(l.id(), FIRST);
            } else if (l.status() == TicketStatus.WAITING && inSlot(l.appointmentStart(), now)) {
                tiers.put(l.id(), APPOINTMENT);
            }
        }
        byService.forEach((service, mine) -> judge(service, mine, now));
    }

    /** Reads the rules and today's lines of a branch (all services when {@code services} is null). */
    public static StarvationGuard load(Handle h, String branchCode, LocalDate day, Collection<Long> services, Instant now) {
        Map<Long, ServiceRule> rules = new HashMap<>();
        h.createQuery("SELECT id, max_priority_in_row, max_regular_wait_minutes FROM services WHERE branch_code = :b")
                .bind("b", branchCode)
                .map((rs, ctx) -> new ServiceRule(rs.getLong(1), (Integer) rs.getObject(2, Integer.class),
                        (Integer) rs.getObject(3, Integer.class)))
                .forEach(r -> rules.put(r.serviceId(), r));
        return load(h, branchCode, day, services, now, rules);
    }

    /** The same for one service whose rule the caller has read already. */
    static StarvationGuard forService(Handle h, String branchCode, LocalDate day, ServiceRule rule, Instant now) {
        return load(h, branchCode, day, List.of(rule.serviceId()), now, Map.of(rule.serviceId(), rule));
    }

    private static StarvationGuard load(Handle h, String branchCode, LocalDate day, Collection<Long> services, Instant now,
                                        Map<Long, ServiceRule> rules) {
        return new StarvationGuard(rules, lines(h, branchCode, day, services), now);
    }

    /**
     * The waiting tickets, then the calls made since the oldest waiting regular ticket was issued: only calls
     * made while a regular ticket waited can count towards a run, so a call late in a busy day does not read
     * the whole day's tickets. One statement (it was two: the waiting lines, then the calls since).
     */
    private static List<Line> lines(Handle h, String branchCode, LocalDate day, Collection<Long> services) {
        String serviceFilter = services == null || services.isEmpty() ? "" : " AND service_id IN (<services>)";
        String columns = "id, service_id, priority, status, issued_at, called_at, call_next, target_counter_id, appointment_start, seq";
        String today = " FROM tickets WHERE branch_code = :b AND business_date = :d" + serviceFilter;
        var q = h.createQuery("SELECT " + columns + today + " AND status = 'WAITING'"
                        + " UNION ALL SELECT " + columns + today + " AND status <> 'WAITING' AND called_at >= "
                        + "(SELECT MIN(issued_at)" + today + " AND status = 'WAITING' AND NOT priority)")
                .bind("b", branchCode).bind("d", day);
        if (!serviceFilter.isEmpty()) {
            q.bindList("services", List.copyOf(services));
        }
        return q.map((rs, ctx) -> new Line(rs.getString(1), rs.getLong(2), rs.getBoolean(3),
                        TicketStatus.valueOf(rs.getString(4)), TicketRow.instant(rs, "issued_at"), TicketRow.instant(rs, "called_at"),
                        rs.getBoolean(7), TicketRow.nullableLong(rs, "target_counter_id"),
                        TicketRow.instant(rs, "appointment_start"), rs.getInt("seq")))
                .list();
    }

    static boolean inSlot(Instant slotStart, Instant now) {
        return slotStart != null && !now.isBefore(slotStart) && now.isBefore(slotStart.plus(SLOT));
    }

    private void judge(long service, List<Line> mine, Instant now) {
        Line oldestRegular = mine.stream()
                .filter(l -> l.status() == TicketStatus.WAITING && !l.priority() && !l.callNext() && l.targetCounterId() == null
                        && !tiers.containsKey(l.id()))
                .min(Comparator.comparing(Line::issuedAt).thenComparing(Line::id))
                .orElse(null);
        if (oldestRegular == null) {
            runs.put(service, 0);
            return;
        }
        // Priority calls since the last regular call, counting only those made while this regular ticket waited.
        List<Line> calls = mine.stream().filter(l -> l.calledAt() != null)
                .sorted(Comparator.comparing(Line::calledAt).reversed()).toList();
        int run = 0;
        for (Line call : calls) {
            if (!call.priority() || call.calledAt().isBefore(oldestRegular.issuedAt())) {
                break;
            }
            run++;
        }
        runs.put(service, run);
        ServiceRule rule = rules.get(service);
        if (rule == null) {
            return;
        }
        if (rule.maxPriorityInRow() != null && run >= rule.maxPriorityInRow()) {
            tiers.merge(oldestRegular.id(), FIRST, Math::min);
            promotions.put(oldestRegular.id(), "IN_ROW");
        } else if (rule.maxRegularWaitMinutes() != null
                && !Duration.between(oldestRegular.issuedAt(), now).minusMinutes(rule.maxRegularWaitMinutes()).isNegative()) {
            tiers.merge(oldestRegular.id(), PRIORITY, Math::min);
            promotions.put(oldestRegular.id(), "WAIT");
        }
    }

    /**
     * How many waiting tickets of this ticket's service go before it in the call order of {@link CallOrder}
     * (within one service: tier, issue time, number), from the lines read: its place in the queue, less one,
     * without reading the queue a second time.
     */
    int waitingAhead(TicketRow ticket) {
        int tier = tier(ticket.id(), ticket.priority());
        return (int) lines.stream()
                .filter(l -> l.status() == TicketStatus.WAITING && l.serviceId() == ticket.serviceId())
                .filter(l -> {
                    int lt = tier(l.id(), l.priority());
                    int byIssue = l.issuedAt().compareTo(ticket.issuedAt());
                    return lt < tier || lt == tier && (byIssue < 0 || byIssue == 0 && l.seq() < ticket.seq());
                })
                .count();
    }

    int tier(String ticketId, boolean priority) {
        Integer t = tiers.get(ticketId);
        if (t != null) {
            return t;
        }
        return priority ? PRIORITY : REGULAR;
    }

    /** Tickets in tier 0, for the SQL of call-next (never empty: a placeholder no ticket id can equal). */
    List<String> firstTier() {
        return idsIn(FIRST);
    }

    /** Checked-in appointments in their slot. */
    List<String> appointments() {
        return idsIn(APPOINTMENT);
    }

    /** Regular tickets the rule lifts to the priority tier. */
    List<String> liftedToPriority() {
        return idsIn(PRIORITY);
    }

    private List<String> idsIn(int tier) {
        List<String> ids = tiers.entrySet().stream().filter(e -> e.getValue() == tier).map(Map.Entry::getKey).toList();
        return ids.isEmpty() ? List.of("-") : ids;
    }

    /** The tickets the rule lifted by one of its halves (IN_ROW or WAIT), for call-next's SQL (never empty). */
    List<String> promoted(String rule) {
        List<String> ids = promotions.entrySet().stream().filter(e -> e.getValue().equals(rule)).map(Map.Entry::getKey).toList();
        return ids.isEmpty() ? List.of("-") : ids;
    }

    /** IN_ROW or WAIT when the rule lifted this ticket ahead of its plain place, else null. */
    String promotion(String ticketId) {
        return promotions.get(ticketId);
    }

    /** The current run of priority calls made while a regular ticket of the service waited. */
    public int priorityInRow(long serviceId) {
        return runs.getOrDefault(serviceId, 0);
    }

    /** The service's rule, or one with both halves off for a service the guard has not seen. */
    public ServiceRule rule(long serviceId) {
        return rules.getOrDefault(serviceId, new ServiceRule(serviceId, null, null));
    }
}
