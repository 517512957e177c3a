package al.sportel.server.billing;

import al.sportel.model.Formats;
import al.sportel.server.db.Database;
import io.javalin.Javalin;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * {@code /public/receipts/{number}}: the page the receipt's QR code opens. It confirms the receipt
 * exists and shows its amount and date — no name, address or customer code.
 */
public final class ReceiptPage {

    private final Database db;

    public ReceiptPage(Database db) {
        this.db = db;
    }

    public void register(Javalin app) {
        app.get("/public/receipts/{number}", ctx -> {
            String n = ctx.pathParam("number");
            var found = n.length() > 30 ? Optional.<String>empty() : db.read(h -> h.createQuery("""
                            SELECT p.amount, p.created_at, b.name, (SELECT COUNT(*) FROM payment_voids v WHERE v.payment_id = p.id)
                            FROM payments p JOIN branches b ON b.code = p.branch_code WHERE p.receipt_number = :n
                            """)
                    .bind("n", n)
                    .map((rs, x) -> rs.getInt(4) > 0
                            ? "<p class=bad>Ky mandat është ANULUAR. / This receipt was VOIDED.</p>"
                            : "<p class=ok>✔ Mandati " + esc(n) + " është i vlefshëm. / This receipt is valid.</p>"
                              + "<p>Shuma / Amount: <b>" + Formats.money(rs.getLong(1)) + "</b></p>"
                              + "<p>Data / Date: " + Formats.dateTime(rs.getObject(2, OffsetDateTime.class).toInstant()) + "</p>"
                              + "<p>Qendra / Centre: " + esc(rs.getString(3)) + "</p>")
                    .findOne());
            ctx.status(found.isPresent() ? 200 : 404).contentType("text/html; charset=utf-8").result("""
                    <!doctype html><html lang="sq"><head><meta charset="utf-8">
                    <meta name="viewport" content="width=device-width, initial-scale=1">
                    <title>Verifikimi i mandatit</title>
                    <link rel="stylesheet" href="/web/receipt.css"><link rel="icon" href="/favicon.ico"></head><body>
                    <h1>Verifikimi i mandatit</h1>%s</body></html>
                    """.formatted(found.orElse("<p class=bad>Nuk u gjet asnjë mandat me këtë numër. / No receipt with this number.</p>")));
        });
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
