package al.sportel.server.billing;

import al.sportel.model.Formats;
import al.sportel.model.billing.PaidBill;
import al.sportel.model.billing.Payment;
import al.sportel.slip.Slip;
import java.time.Instant;
import java.util.Map;

/**
 * What the printed receipt says: a {@link Slip} ending with the QR code to the public verification page.
 * The server sends it as a PDF or, to a desktop that drives a thermal printer, as the slip itself
 * (docs/decisions/0006-one-slip-renderer.md).
 */
public final class ReceiptPdf {

    private static final Map<String, String> SQ = Map.ofEntries(
            Map.entry("company", "Shpërndarja e Energjisë Elektrike"), Map.entry("title", "MANDAT PAGESE"),
            Map.entry("receipt", "Nr. mandati"), Map.entry("date", "Data"), Map.entry("counter", "Sporteli"),
            Map.entry("clerk", "Punonjësi"), Map.entry("customer", "Klienti"), Map.entry("bills", "Faturat e paguara"),
            Map.entry("total", "TOTALI"), Map.entry("method", "Mënyra"), Map.entry("CASH", "Para në dorë"),
            Map.entry("CARD", "Kartë"), Map.entry("tendered", "Dhënë"), Map.entry("change", "Kusuri"),
            Map.entry("verify", "Verifikoni mandatin:"), Map.entry("void", "*** ANULUAR ***"), Map.entry("thanks", "Faleminderit!"),
            Map.entry("copy", "KOPJE"));
    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("company", "Electricity Distribution"), Map.entry("title", "PAYMENT RECEIPT"),
            Map.entry("receipt", "Receipt no."), Map.entry("date", "Date"), Map.entry("counter", "Counter"),
            Map.entry("clerk", "Clerk"), Map.entry("customer", "Customer"), Map.entry("bills", "Bills paid"),
            Map.entry("total", "TOTAL"), Map.entry("method", "Method"), Map.entry("CASH", "Cash"),
            Map.entry("CARD", "Card"), Map.entry("tendered", "Tendered"), Map.entry("change", "Change"),
            Map.entry("verify", "Verify this receipt:"), Map.entry("void", "*** VOIDED ***"), Map.entry("thanks", "Thank you!"),
            Map.entry("copy", "COPY"));

    public record Context(String branchName, String branchAddress, int counterNumber, String customerName, String verifyUrl) {
    }

    private ReceiptPdf() {
    }

    public static Slip slip(Payment p, Context c, boolean english) {
        return slip(p, c, english, null);
    }

    /** With {@code extra} (fiscalization's lines and QR code, docs/fiscal.md) when there is one. */
    public static Slip slip(Payment p, Context c, boolean english, ReceiptAddition extra) {
        Map<String, String> t = english ? EN : SQ;
        Slip.Builder slip = Slip.builder().title(t.get("company")).center(c.branchName()).center(c.branchAddress()).rule()
                .title(t.get("title"));
        if (p.voided()) {
            slip.title(t.get("void"));
        }
        if (extra != null) {
            if (extra.copy()) {
                slip.title(t.get("copy"));
            }
            extra.header().forEach(r -> slip.row(r.left(), r.right()));
        }
        slip.row(t.get("receipt"), p.receiptNumber()).row(t.get("date"), Formats.dateTime(saleTime(p)))
                .row(t.get("counter"), Integer.toString(c.counterNumber())).row(t.get("clerk"), p.clerk().displayName())
                .row(t.get("customer"), p.customerCode()).row("", c.customerName()).rule().boldRow(t.get("bills"), "");
        for (PaidBill b : p.paidBills()) {
            slip.row(b.period(), Formats.money(b.amount()));
        }
        slip.rule().boldRow(t.get("total"), Formats.money(p.amount())).row(t.get("method"), t.get(p.method()));
        if (p.tendered() != null) {
            slip.row(t.get("tendered"), Formats.money(p.tendered())).row(t.get("change"), Formats.money(p.change()));
        }
        if (extra != null) {
            slip.rule();
            extra.footer().forEach(r -> slip.row(r.left(), r.right()));
            return slip.rule().build(extra.qrUrl(), extra.qrCaption(), t.get("thanks"));
        }
        return slip.rule().center(t.get("verify")).build(c.verifyUrl(), t.get("thanks"));
    }

    /** When the money changed hands: for a payment taken offline, not when it reached the server (the fiscal time too). */
    private static Instant saleTime(Payment p) {
        return p.offline() && p.takenAt() != null ? p.takenAt() : p.createdAt();
    }
}
