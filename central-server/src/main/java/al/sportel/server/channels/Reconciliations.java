package al.sportel.server.channels;

import al.sportel.model.Money;
import al.sportel.model.UserInfo;
import al.sportel.model.channels.Partner;
import al.sportel.model.channels.Reconciliation;
import al.sportel.model.channels.Reconciliation.Line;
import al.sportel.model.channels.Reconciliation.Status;
import al.sportel.model.channels.SettlementReceipt;
import al.sportel.server.db.Database;
import al.sportel.server.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settlement files in, reconciliation reports out. A report is computed from the file and the
 * payments each time it is asked for, so a line a supervisor creates from the file shows as matched
 * at once and there is no second copy of the truth to keep in step.
 */
public final class Reconciliations {

    private final Database db;
    private final ChannelPayments payments;
    private final Clock clock;

    public Reconciliations(Database db, ChannelPayments payments, Clock clock) {
        this.db = db;
        this.payments = payments;
        this.clock = clock;
    }

    /**
     * Stores a partner's file for a day; the same file again changes nothing, a different one replaces it.
     *
     * <p>Two uploads of the day at once (a partner's client resending after a timeout, or the partner and an admin)
     * are decided one after the other on the day's row, held with {@code FOR UPDATE} and read again under the lock:
     * unlocked, both took the replace branch and, under READ COMMITTED, the second one's DELETE saw none of the
     * first one's new lines, so the day kept every line twice. With no row yet, the day's unique key lets one insert
     * win; the other fails on it, and its retry finds the row and waits for it.
     */
    SettlementReceipt receive(Partner partner, LocalDate date, byte[] body) {
        List<SettlementFile.Line> lines = SettlementFile.parse(new String(body, StandardCharsets.UTF_8));
        String hash = Signature.sha256Hex(body);
        long total = lines.stream().mapToLong(SettlementFile.Line::amount).reduce(0, Math::addExact);
        for (int attempt = 0; ; attempt++) {
            try {
                return db.tx(h -> {
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    var existing = SettlementQueries.findForUpdate(h, partner.id(), date);
                    if (existing.isPresent() && existing.get().bodyHash().equals(hash)) {
                        return new SettlementReceipt(existing.get().id(), partner.code(), date, lines.size(), Money.format(total),
                                existing.get().receivedAt(), false);
                    }
                    long id = existing.isPresent() ? existing.get().id() : SettlementQueries.insert(h, partner.id(), date, hash, now);
                    if (existing.isPresent()) {
                        SettlementQueries.replace(h, id, hash, now);
                    }
                    SettlementQueries.insertLines(h, id, lines);
                    return new SettlementReceipt(id, partner.code(), date, lines.size(), Money.format(total), now, existing.isPresent());
                });
            } catch (RuntimeException e) {
                if (attempt < 3 && ChannelPayments.isUniqueViolation(e)) {
                    continue;
                }
                throw e;
            }
        }
    }

    public Reconciliation report(Partner partner, LocalDate date) {
        return db.read(h -> {
            var file = SettlementQueries.find(h, partner.id(), date);
            List<SettlementQueries.FileLine> fileLines = file.map(f -> SettlementQueries.lines(h, f.id())).orElse(List.of());
            List<SettlementQueries.Received> received = SettlementQueries.received(h, partner.id(), date, file.map(SettlementQueries.File::id));
            return build(partner, date, file.map(SettlementQueries.File::receivedAt).orElse(null), fileLines, received);
        });
    }

    static Reconciliation build(Partner partner, LocalDate date, Instant fileReceivedAt, List<SettlementQueries.FileLine> fileLines,
                                List<SettlementQueries.Received> received) {
        Map<String, SettlementQueries.Received> byRef = new HashMap<>();
        received.forEach(r -> byRef.put(r.reference(), r));
        Set<String> seen = new HashSet<>();
        List<Line> lines = new ArrayList<>();
        // a file's lines are bounded (SettlementFile.MAX_LINE_AMOUNT) so that no sum overflows; were that ever to change,
        // addExact fails the report rather than print a wrapped-around total
        long fileTotal = 0;
        long matchedTotal = 0;
        for (SettlementQueries.FileLine f : fileLines) {
            fileTotal = Math.addExact(fileTotal, f.amount());
            SettlementQueries.Received r = byRef.get(f.reference());
            Status status;
            if (!seen.add(f.reference())) {
                status = Status.DUPLICATE;
            } else if (r != null && r.filedEarlier()) { // an earlier day's file already listed this payment
                status = Status.DUPLICATE;
            } else if (r == null) {
                status = Status.MISSING;
            } else if (r.reversed()) {
                status = Status.REVERSED;
            } else if (r.amount() != f.amount() || !r.customerCode().equals(f.customerCode())) {
                status = Status.AMOUNT_MISMATCH;
            } else {
                status = Status.MATCHED;
                matchedTotal = Math.addExact(matchedTotal, f.amount());
            }
            boolean ours = r != null && status != Status.DUPLICATE;
            lines.add(new Line(status, f.reference(), f.customerCode(), Money.format(f.amount()),
                    ours ? Money.format(r.amount()) : null, f.paidAt(), f.id(), ours ? r.id() : null, ours ? r.receiptNumber() : null));
        }
        long receivedTotal = 0;
        int receivedCount = 0;
        for (SettlementQueries.Received r : received) {
            // the earliest file naming it reconciles it (whatever day it was paid); unnamed, it belongs to its own day
            boolean filedHere = seen.contains(r.reference());
            boolean belongs = filedHere ? !r.filedEarlier() : r.paidDate().equals(date) && !r.filedElsewhere();
            if (r.reversed() || !belongs) {
                continue;
            }
            receivedTotal = Math.addExact(receivedTotal, r.amount());
            receivedCount++;
            if (!filedHere) {
                lines.add(new Line(Status.UNREPORTED, r.reference(), r.customerCode(), null, Money.format(r.amount()), r.paidAt(),
                        null, r.id(), r.receiptNumber()));
            }
        }
        Map<Status, Integer> counts = new HashMap<>();
        lines.forEach(l -> counts.merge(l.status(), 1, Integer::sum));
        return new Reconciliation(partner.id(), partner.code(), partner.name(), date, fileReceivedAt, lines,
                new Reconciliation.Totals(fileLines.size(), Money.format(fileTotal), receivedCount, Money.format(receivedTotal),
                        Money.format(matchedTotal), Money.format(Math.subtractExact(fileTotal, receivedTotal)),
                        counts.getOrDefault(Status.MATCHED, 0), counts.getOrDefault(Status.MISSING, 0),
                        counts.getOrDefault(Status.UNREPORTED, 0), counts.getOrDefault(Status.AMOUNT_MISMATCH, 0),
                        counts.getOrDefault(Status.DUPLICATE, 0), counts.getOrDefault(Status.REVERSED, 0)));
    }

    /** The supervisor's one click: a MISSING line of a file becomes a payment (audited). */
    String createFromLine(UserInfo supervisor, long lineId) {
        SettlementQueries.LineOfPartner l = db.read(h -> SettlementQueries.line(h, lineId))
                .orElseThrow(() -> ApiException.notFound("No settlement line " + lineId));
        Partner partner = db.read(h -> PartnerQueries.byId(h, l.partnerId())).orElseThrow();
        return payments.createFromFile(supervisor, partner,
                new ChannelPayments.Request(l.line().reference(), l.line().customerCode(), l.line().amount(), l.line().paidAt(), null)).json();
    }
}
