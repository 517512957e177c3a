package al.sportel.server.complaints;

import al.sportel.model.BusinessTime;
import al.sportel.model.UserInfo;
import al.sportel.model.cases.CaseCategory;
import al.sportel.model.cases.CaseHistoryEntry;
import al.sportel.model.cases.CaseTracking;
import al.sportel.model.cases.CaseView;
import al.sportel.model.cases.NewCase;
import al.sportel.server.auth.Access;
import al.sportel.server.db.Database;
import al.sportel.server.db.GuardRows;
import al.sportel.server.http.ApiException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Logging, moving and tracking complaints and applications, every change kept as history. */
public final class CaseService {

    /** The statuses {@link CaseKind.CaseStatus#open()} calls open, as SQL. */
    private static final String OPEN_STATUSES = "'RECEIVED', 'IN_REVIEW'";

    private final Database db;
    private final Clock clock;

    public CaseService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public List<CaseCategory> categories(CaseKind kind) {
        return db.read(h -> h.createQuery("SELECT code, name, name_en, deadline_days FROM case_categories WHERE kind = :k ORDER BY code")
                .bind("k", kind.name())
                .map((rs, c) -> new CaseCategory(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4))).list());
    }

    /** A case filed at a counter, inside the caller's transaction (the idempotency key goes in the same one). */
    public CaseView create(Handle h, CaseKind kind, UserInfo user, NewCase c) {
        return create(h, kind, user, c, CaseChannel.COUNTER);
    }

    /** Inside the caller's transaction. {@code user} is the clerk at a counter, null on the other channels. */
    CaseView create(Handle h, CaseKind kind, UserInfo user, NewCase c, CaseChannel channel) {
        int deadline = h.createQuery("SELECT deadline_days FROM case_categories WHERE kind = :k AND code = :c")
                .bind("k", kind.name()).bind("c", c.code()).mapTo(Integer.class).findOne()
                .orElseThrow(() -> ApiException.invalid(kind == CaseKind.COMPLAINT ? "category" : "type", "unknown code " + c.code()));
        if (c.branchCode() != null) {
            if (h.createQuery("SELECT COUNT(*) FROM branches WHERE code = :b").bind("b", c.branchCode()).mapTo(Integer.class).one() == 0) {
                throw ApiException.invalid("branchCode", "no such branch");
            }
            if (user != null) {
                Access.requireBranch(user, c.branchCode());
            }
        }
        String customer = c.customerCode();
        if (customer != null && h.createQuery("SELECT COUNT(*) FROM customers WHERE code = :c")
                .bind("c", customer).mapTo(Integer.class).one() == 0) {
            if (channel.vouchesForCustomer()) {
                throw ApiException.invalid("customerCode", "no customer with this code");
            }
            // A public form that said which codes exist would list the customers for anyone; the code is left out.
            customer = null;
        }
        if (c.ticketId() != null && h.createQuery("SELECT COUNT(*) FROM tickets WHERE id = :t").bind("t", c.ticketId())
                .mapTo(Integer.class).one() == 0) {
            throw ApiException.invalid("ticketId", "no such ticket");
        }
        Instant now = now();
        String code = freeCode(h, kind, LocalDate.ofInstant(now, BusinessTime.ZONE).getYear());
        long id = h.createUpdate("""
                        INSERT INTO cases (kind, tracking_code, category_code, status, customer_code, name, phone, email, description,
                                           branch_code, ticket_id, channel, created_by, created_at, due_at)
                        VALUES (:kind, :code, :cat, 'RECEIVED', :customer, :name, :phone, :email, :description, :branch, :ticket,
                                :channel, :user, :now, :due)
                        """)
                .bind("kind", kind.name()).bind("code", code).bind("cat", c.code()).bind("customer", customer)
                .bind("name", c.name()).bind("phone", c.phone()).bind("email", c.email()).bind("description", c.description())
                .bind("branch", c.branchCode()).bind("ticket", c.ticketId()).bind("channel", channel.name())
                .bind("user", user == null ? null : user.id()).bind("now", now).bind("due", now.plus(Duration.ofDays(deadline)))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        h.execute("INSERT INTO case_history (case_id, status, note, user_id, changed_at) VALUES (?, 'RECEIVED', NULL, ?, ?)",
                id, user == null ? null : user.id(), now);
        return load(h, id).orElseThrow();
    }

    /**
     * A random code nobody has: at 50,000 cases a year two draws meet about once a year, and the unique
     * constraint would then refuse the case (a counter's outbox takes that 409 as final).
     */
    private static String freeCode(Handle h, CaseKind kind, int year) {
        while (true) {
            String code = TrackingCodes.next(kind, year);
            if (h.createQuery("SELECT COUNT(*) FROM cases WHERE tracking_code = :c").bind("c", code).mapTo(Integer.class).one() == 0) {
                return code;
            }
        }
    }

    /**
     * A complaint from a kiosk or the web form, no user, inside the caller's transaction (its idempotency key goes in
     * the same one); the answer is the public tracking view.
     */
    public CaseTracking file(Handle h, NewCase c, CaseChannel channel) {
        return track(h, create(h, CaseKind.COMPLAINT, null, c, channel).trackingCode());
    }

    public CaseView changeStatus(UserInfo user, CaseKind kind, long id, CaseKind.CaseStatus to, String note, boolean publicNote) {
        return db.tx(h -> changeStatus(h, user, kind, id, to, note, publicNote));
    }

    /** Inside the caller's transaction (an idempotency key may be stored in the same one). */
    public CaseView changeStatus(Handle h, UserInfo user, CaseKind kind, long id, CaseKind.CaseStatus to, String note,
                                 boolean publicNote) {
        h.createQuery("SELECT id FROM cases WHERE id = :id AND kind = :k FOR UPDATE").bind("id", id).bind("k", kind.name())
                .mapTo(Long.class).findOne().orElseThrow(() -> ApiException.notFound("No " + kind.name().toLowerCase() + " " + id));
        CaseView c = load(h, id).orElseThrow();
        if (c.branchCode() != null) {
            Access.requireBranch(user, c.branchCode());
        }
        CaseKind.CaseStatus from = CaseKind.CaseStatus.valueOf(c.status());
        if (!kind.allows(from, to)) {
            throw ApiException.conflict("illegal-transition", "The case is " + from + "; it cannot become " + to);
        }
        Instant now = now();
        h.execute("UPDATE cases SET status = ? WHERE id = ?", to.name(), id);
        h.execute("INSERT INTO case_history (case_id, status, note, user_id, changed_at, public_note) VALUES (?, ?, ?, ?, ?, ?)",
                id, to.name(), note, user.id(), now, publicNote && note != null);
        return load(h, id).orElseThrow();
    }

    /** A page of the list and how many cases match in all. */
    public record Listed(List<CaseView> cases, long total) {
    }

    /**
     * A branch's cases and the online ones: the open ones first, the earliest deadline first, then the closed
     * ones, newest first. At most {@code limit}: a centre keeps its resolved cases for years, and a list that
     * started with the oldest of them hid the case a clerk had just filed.
     */
    public Listed list(String branchCode, String status, String category, Boolean overdue, int limit) {
        return db.read(h -> {
            StringBuilder where = new StringBuilder(" FROM cases WHERE (branch_code = :b OR branch_code IS NULL)");
            if (status != null) {
                where.append(" AND status = :status");
            }
            if (category != null) {
                where.append(" AND category_code = :category");
            }
            if (Boolean.TRUE.equals(overdue)) {
                where.append(" AND status IN (").append(OPEN_STATUSES).append(") AND due_at < :now");
            }
            Instant now = now();
            var page = h.createQuery("SELECT *" + where + " ORDER BY CASE WHEN status IN (" + OPEN_STATUSES + ") THEN 0 ELSE 1 END,"
                    + " CASE WHEN status IN (" + OPEN_STATUSES + ") THEN due_at END, created_at DESC, id DESC LIMIT :limit")
                    .bind("limit", limit);
            var count = h.createQuery("SELECT COUNT(*)" + where);
            for (var q : List.of(page, count)) {
                q.bind("b", branchCode).bind("now", now);
                if (status != null) {
                    q.bind("status", status);
                }
                if (category != null) {
                    q.bind("category", category);
                }
            }
            List<CaseView> cases = page.map((rs, x) -> row(rs, now)).list();
            withHistory(h, cases);
            return new Listed(cases, count.mapTo(Long.class).one());
        });
    }

    /** The cases' histories in one read, not one per case. */
    private static void withHistory(Handle h, List<CaseView> cases) {
        if (cases.isEmpty()) {
            return;
        }
        Map<Long, CaseView> byId = new HashMap<>();
        cases.forEach(c -> byId.put(c.id(), c));
        h.createQuery("SELECT case_id, status, changed_at, note, public_note FROM case_history WHERE case_id IN (<ids>)"
                        + " ORDER BY case_id, changed_at, id")
                .bindList("ids", new ArrayList<>(byId.keySet()))
                .map((rs, x) -> Map.entry(rs.getLong(1), new CaseHistoryEntry(rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getBoolean(5))))
                .forEach(e -> byId.get(e.getKey()).history().add(e.getValue()));
    }

    public Optional<CaseView> get(long id) {
        return db.read(h -> load(h, id));
    }

    public CaseTracking track(String code) {
        return db.read(h -> track(h, code));
    }

    /** {@link #track(String)} inside the caller's transaction (a case just filed in it). */
    public CaseTracking track(Handle h, String code) {
        long id = h.createQuery("SELECT id FROM cases WHERE tracking_code = :c").bind("c", code).mapTo(Long.class).findOne()
                .orElseThrow(() -> ApiException.notFound("No case with tracking code " + code));
        CaseView c = load(h, id).orElseThrow();
        var names = h.createQuery("SELECT name, name_en FROM case_categories WHERE kind = :k AND code = :c")
                .bind("k", c.kind()).bind("c", c.category()).map((rs, x) -> new String[] {rs.getString(1), rs.getString(2)}).one();
        // staff notes stay internal unless the clerk marked them visible to the citizen
        return new CaseTracking(c.trackingCode(), c.kind(), c.category(), names[0], names[1], c.status(), c.overdue(), c.dueAt(),
                c.history().stream().map(e -> new CaseHistoryEntry(e.status(), e.at(), e.publicNote() ? e.note() : null,
                        e.publicNote())).toList());
    }

    /** Public filing is limited per address: at most {@code max} in the last hour. */
    /**
     * The wait before {@code key} may file again, without recording anything: checked before an upload is read,
     * so that a client over the limit costs no parsing. {@link #rateLimited} still counts the filing itself.
     */
    public Optional<Long> overLimit(String key, int max) {
        Instant now = now();
        List<Instant> recent = db.read(h -> h.createQuery("""
                        SELECT submitted_at FROM public_submissions WHERE address = :a AND submitted_at > :since
                        ORDER BY submitted_at
                        """)
                .bind("a", key).bind("since", now.minus(Duration.ofHours(1))).mapTo(Instant.class).list());
        return recent.size() >= max
                ? Optional.of(Math.max(1, Duration.between(now, recent.get(0).plus(Duration.ofHours(1))).toSeconds()))
                : Optional.empty();
    }

    /**
     * Counts this filing against the address's hourly limit, or says how long to wait. The address's guard row is
     * locked first, so parallel filings are counted one after another and never more than {@code max} pass.
     */
    public Optional<Long> rateLimited(String address, int max) {
        Map<String, Object> guard = Map.of("address", address);
        GuardRows.ensure(db, "public_submission_guards", guard);
        Instant now = now();
        return db.tx(h -> {
            GuardRows.lock(h, "public_submission_guards", guard);
            List<Instant> recent = h.createQuery("""
                            SELECT submitted_at FROM public_submissions WHERE address = :a AND submitted_at > :since
                            ORDER BY submitted_at
                            """)
                    .bind("a", address).bind("since", now.minus(Duration.ofHours(1))).mapTo(Instant.class).list();
            if (recent.size() >= max) {
                return Optional.of(Math.max(1, Duration.between(now, recent.get(0).plus(Duration.ofHours(1))).toSeconds()));
            }
            h.execute("INSERT INTO public_submissions (address, submitted_at) VALUES (?, ?)", address, now);
            return Optional.<Long>empty();
        });
    }

    Optional<CaseView> load(Handle h, long id) {
        Instant now = now();
        return h.createQuery("SELECT * FROM cases WHERE id = :id").bind("id", id)
                .map((rs, x) -> row(rs, now))
                .findOne()
                .map(c -> {
                    c.history().addAll(h.createQuery("SELECT status, changed_at, note, public_note FROM case_history WHERE case_id = :id ORDER BY changed_at, id")
                            .bind("id", id)
                            .map((rs, x) -> new CaseHistoryEntry(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                                    rs.getString(3), rs.getBoolean(4)))
                            .list());
                    return c;
                });
    }

    private static CaseView row(ResultSet rs, Instant now) throws SQLException {
        Instant due = rs.getObject("due_at", OffsetDateTime.class).toInstant();
        String status = rs.getString("status");
        return new CaseView(rs.getLong("id"), rs.getString("kind"), rs.getString("tracking_code"), rs.getString("category_code"),
                status, CaseKind.CaseStatus.valueOf(status).open() && now.isAfter(due), rs.getString("customer_code"),
                rs.getString("name"), rs.getString("phone"), rs.getString("email"), rs.getString("description"),
                rs.getString("branch_code"), rs.getString("ticket_id"), rs.getString("channel"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), due, new ArrayList<>());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
