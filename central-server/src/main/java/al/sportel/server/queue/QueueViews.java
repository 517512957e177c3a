package al.sportel.server.queue;

import al.sportel.model.BusinessTime;
import al.sportel.model.QueueSnapshot;
import al.sportel.model.Ticket;
import al.sportel.model.TicketStatus;
import al.sportel.model.UserInfo;
import al.sportel.model.queue.CounterStats;
import al.sportel.server.auth.Access;
import al.sportel.server.db.Database;
import al.sportel.server.events.EventLog;
import al.sportel.server.http.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;

/** The queue's read side for screens and reports: a centre's snapshot and a counter's day, no locks taken. */
final class QueueViews {

    private final Database db;
    private final Clock clock;

    QueueViews(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Today's served and no-show counts at a counter and its average service time. */
    CounterStats counterStats(UserInfo actor, long counterId) {
        return db.read(h -> {
            String branch = h.createQuery("SELECT branch_code FROM counters WHERE id = :c").bind("c", counterId)
                    .mapTo(String.class).findOne().orElseThrow(() -> ApiException.notFound("No counter with id " + counterId));
            Access.requireBranch(actor, branch);
            LocalDate day = today();
            record Row(String status, Instant started, Instant finished) {
            }
            List<Row> rows = h.createQuery("""
                            SELECT status, started_at, finished_at FROM tickets
                            WHERE counter_id = :c AND business_date = :d AND status IN ('DONE', 'NO_SHOW')
                            """)
                    .bind("c", counterId).bind("d", day)
                    .map((rs, ctx) -> new Row(rs.getString(1), TicketRow.instant(rs, "started_at"), TicketRow.instant(rs, "finished_at")))
                    .list();
            List<Row> done = rows.stream().filter(r -> r.status().equals("DONE") && r.started() != null).toList();
            Integer avg = done.isEmpty() ? null : (int) Math.round(done.stream()
                    .mapToLong(r -> r.finished().toEpochMilli() - r.started().toEpochMilli()).average().orElse(0) / 1000.0);
            int served = (int) rows.stream().filter(r -> r.status().equals("DONE")).count();
            return new CounterStats(counterId, day, served, rows.size() - served, avg);
        });
    }

    QueueSnapshot snapshot(String branchCode) {
        // Number what is committed and read the event id first: events after it may already be in the
        // lists, none can be missing.
        long lastEventId = EventLog.lastSeq(db, branchCode);
        return db.read(h -> {
            QueueEngine.requireBranchExists(h, branchCode);
            LocalDate day = today();
            List<TicketRow> rows = h.createQuery(TicketRow.SELECT + """
                            WHERE t.branch_code = :b AND ((t.status = 'WAITING' AND t.business_date = :d)
                                                          OR t.status IN ('CALLED', 'SERVING'))
                            """)
                    .bind("b", branchCode).bind("d", day).map((rs, ctx) -> TicketRow.map(rs)).list();
            List<Long> allServices = h.createQuery("SELECT id FROM services WHERE branch_code = :b ORDER BY id")
                    .bind("b", branchCode).mapTo(Long.class).list();
            StarvationGuard guard = StarvationGuard.load(h, branchCode, day, null, clock.instant());
            List<TicketRow> waiting = rows.stream().filter(r -> r.status() == TicketStatus.WAITING)
                    .sorted(CallOrder.forServices(allServices, guard)).toList();
            WaitEstimator estimator = WaitEstimator.load(h, branchCode, day);
            List<Ticket> waitingViews = new ArrayList<>(waiting.size());
            var positions = new HashMap<Long, Integer>();
            for (TicketRow r : waiting) {
                int p = positions.merge(r.serviceId(), 1, Integer::sum);
                waitingViews.add(r.view().withWaitEstimate(p, estimator.estimate(r.serviceId(), p)));
            }
            Comparator<TicketRow> byCall = Comparator.comparing(TicketRow::calledAt, Comparator.nullsLast(Comparator.naturalOrder()));
            return new QueueSnapshot(lastEventId, waitingViews,
                    rows.stream().filter(r -> r.status() == TicketStatus.CALLED).sorted(byCall).map(TicketRow::view).toList(),
                    rows.stream().filter(r -> r.status() == TicketStatus.SERVING).sorted(byCall).map(TicketRow::view).toList(),
                    CounterViews.forBranch(h, branchCode));
        });
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), BusinessTime.ZONE);
    }
}
