package al.sportel.server.complaints;

import al.sportel.model.cases.CaseAttachment;
import al.sportel.model.cases.CaseTracking;
import al.sportel.model.cases.CaseView;
import al.sportel.model.cases.NewCase;
import al.sportel.server.db.Database;
import al.sportel.server.http.Idempotency;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Cases filed from the phone app: with attachments, and listed for the verified account that filed them. */
public final class AppCaseService {

    private static final List<String> VOUCHED = Arrays.stream(CaseChannel.values())
            .filter(CaseChannel::vouchesForCustomer).map(Enum::name).toList();

    /** One of the account's cases as "my cases" lists it. */
    public record MyCase(String trackingCode, String kind, String category, String categoryName, String categoryNameEn,
                         String status, boolean overdue, Instant createdAt, Instant dueAt, int attachments) {
    }

    record StoredAttachment(String name, String contentType, String storedName) {
    }

    private final Database db;
    private final CaseService cases;
    private final AttachmentStore store;
    private final Clock clock;

    public AppCaseService(Database db, CaseService cases, AttachmentStore store, Clock clock) {
        this.db = db;
        this.cases = cases;
        this.store = store;
        this.clock = clock;
    }

    /**
     * How the filing runs: once, or once per Idempotency-Key ({@code Idempotency.createForCitizen}); true when it
     * answered with the key's stored answer instead, so the work's case is not the one the citizen got.
     */
    interface Filing {
        boolean answer(Idempotency.Work work);
    }

    /**
     * The case and its attachments together: the files are written first and taken back unless the case's
     * transaction commits with them, so there is never a case missing its files nor a file without its case;
     * a resend answered with the first case's answer leaves no files behind either.
     */
    void file(CaseKind kind, NewCase c, List<AttachmentRules.Upload> uploads, Filing filing) {
        List<String> written = new ArrayList<>();
        boolean kept = false;
        try {
            for (AttachmentRules.Upload u : uploads) {
                written.add(store.save(u.bytes()));
            }
            kept = !filing.answer(h -> record(h, kind, c, uploads, written));
        } finally {
            if (!kept) {
                written.forEach(store::delete);
            }
        }
    }

    private CaseTracking record(Handle h, CaseKind kind, NewCase c, List<AttachmentRules.Upload> uploads, List<String> written) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        CaseView v = cases.create(h, kind, null, c, CaseChannel.APP);
        for (int i = 0; i < uploads.size(); i++) {
            AttachmentRules.Upload u = uploads.get(i);
            h.execute("""
                            INSERT INTO case_attachments (case_id, stored_name, original_name, content_type, size_bytes, sha256, created_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?)
                            """, v.id(), written.get(i), u.name(), u.contentType(), (long) u.bytes().length,
                    AttachmentRules.sha256(u.bytes()), now);
        }
        return cases.track(h, v.trackingCode());
    }

    /**
     * The cases filed for this customer, newest first: only ever the verified account's own, and only those
     * whose code was vouched for (a counter's, the app's); anybody can type a code into the web form.
     */
    List<MyCase> casesOf(String customerCode) {
        return db.read(h -> h.createQuery("""
                        SELECT c.tracking_code, c.kind, c.category_code, k.name, k.name_en, c.status, c.created_at, c.due_at,
                               (SELECT COUNT(*) FROM case_attachments a WHERE a.case_id = c.id) AS files
                        FROM cases c JOIN case_categories k ON k.kind = c.kind AND k.code = c.category_code
                        WHERE c.customer_code = :c AND c.channel IN (<vouched>) ORDER BY c.created_at DESC, c.id DESC
                        """)
                .bind("c", customerCode).bindList("vouched", VOUCHED).setMaxRows(50)
                .map((rs, x) -> {
                    String status = rs.getString("status");
                    Instant due = rs.getObject("due_at", OffsetDateTime.class).toInstant();
                    return new MyCase(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), status,
                            CaseKind.CaseStatus.valueOf(status).open() && clock.instant().isAfter(due),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(), due, rs.getInt("files"));
                })
                .list());
    }

    List<CaseAttachment> attachments(long caseId) {
        return db.read(h -> h.createQuery("""
                        SELECT id, original_name, content_type, size_bytes, created_at FROM case_attachments WHERE case_id = :c ORDER BY id
                        """)
                .bind("c", caseId)
                .map((rs, x) -> new CaseAttachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list());
    }

    Optional<StoredAttachment> attachment(long caseId, long attachmentId) {
        return db.read(h -> h.createQuery("""
                        SELECT original_name, content_type, stored_name FROM case_attachments WHERE case_id = :c AND id = :id
                        """)
                .bind("c", caseId).bind("id", attachmentId)
                .map((rs, x) -> new StoredAttachment(rs.getString(1), rs.getString(2), rs.getString(3))).findOne());
    }

    byte[] bytes(StoredAttachment a) {
        return store.read(a.storedName());
    }
}
