package al.sportel.server.billing;

import al.sportel.model.Formats;
import al.sportel.server.db.Database;
import io.javalin.Javalin;
import java.util.Optional;

/**
 * {@code /public/receipts/{code}}: the page the receipt's QR code opens, found by the receipt's
 * unguessable verification code. It confirms the receipt exists and shows its number, amount and
 * date — the date on the paper, when the money was taken — and no name, address or customer code.
 */
public final class ReceiptPage {

    public static final String PATH = "/public/receipts/";
    private final ReceiptQueries receipts;

    public ReceiptPage(Database db) {
        this.receipts = new ReceiptQueries(db);
    }

    public void register(Javalin app) {
        app.get(PATH + "{code}", ctx -> {
            Optional<String> found = receipts.verify(ctx.pathParam("code")).map(v -> v.voided()
                    ? "<p class=bad>Mandati " + esc(v.receiptNumber()) + " është ANULUAR. / This receipt was VOIDED.</p>"
                    : "<p class=ok>✔ Mandati " + esc(v.receiptNumber()) + " është i vlefshëm. / This receipt is valid.</p>"
                      + "<p>Shuma / Amount: <b>" + Formats.money(v.amount()) + "</b></p>"
                      + "<p>Data / Date: " + Formats.dateTime(v.paidAt()) + "</p>"
                      + "<p>Qendra / Centre: " + esc(v.branch()) + "</p>");
            ctx.status(found.isPresent() ? 200 : 404).contentType("text/html; charset=utf-8").result("""
                    <!doctype html><html lang="sq"><head><meta charset="utf-8">
                    <meta name="viewport" content="width=device-width, initial-scale=1">
                    <title>Verifikimi i mandatit</title>
                    <link rel="stylesheet" href="/web/receipt.css"><link rel="icon" href="/favicon.ico"></head><body>
                    <h1>Verifikimi i mandatit</h1>%s</body></html>
                    """.formatted(found.orElse("<p class=bad>Nuk u gjet asnjë mandat me këtë kod. / No receipt with this code.</p>")));
        });
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
