package al.sportel.server.fees;

import al.sportel.model.Formats;
import al.sportel.model.fees.FeeSale;
import al.sportel.server.billing.ReceiptAddition;
import al.sportel.slip.Slip;
import java.util.Map;

/** The printed receipt of a fee sale: our lines and, when fiscalized, the law's (NSLF, NIVF, QR). */
final class FeeReceipt {

    private static final Map<String, String> SQ = Map.ofEntries(
            Map.entry("company", "Shpërndarja e Energjisë Elektrike"), Map.entry("title", "FATURË TATIMORE — TARIFË SHËRBIMI"),
            Map.entry("receipt", "Nr. dokumenti"), Map.entry("date", "Data"), Map.entry("counter", "Sporteli"),
            Map.entry("clerk", "Punonjësi"), Map.entry("case", "Aplikimi"), Map.entry("total", "TOTALI"),
            Map.entry("method", "Mënyra"), Map.entry("CASH", "Para në dorë"), Map.entry("CARD", "Kartë"),
            Map.entry("tendered", "Dhënë"), Map.entry("change", "Kusuri"), Map.entry("thanks", "Faleminderit!"),
            Map.entry("notFiscal", "Pa fiskalizim"), Map.entry("copy", "KOPJE"));
    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("company", "Electricity Distribution"), Map.entry("title", "TAX INVOICE — SERVICE FEE"),
            Map.entry("receipt", "Document no."), Map.entry("date", "Date"), Map.entry("counter", "Counter"),
            Map.entry("clerk", "Clerk"), Map.entry("case", "Application"), Map.entry("total", "TOTAL"),
            Map.entry("method", "Method"), Map.entry("CASH", "Cash"), Map.entry("CARD", "Card"),
            Map.entry("tendered", "Tendered"), Map.entry("change", "Change"), Map.entry("thanks", "Thank you!"),
            Map.entry("notFiscal", "Not fiscalized"), Map.entry("copy", "COPY"));

    private FeeReceipt() {
    }

    static Slip slip(FeeSale s, FeeQueries.Header head, boolean english, ReceiptAddition fiscal) {
        Map<String, String> t = english ? EN : SQ;
        Slip.Builder slip = Slip.builder().title(t.get("company")).center(head.branchName()).center(head.branchAddress()).rule()
                .title(t.get("title"));
        if (fiscal != null) {
            if (fiscal.copy()) {
                slip.title(t.get("copy"));
            }
            fiscal.header().forEach(r -> slip.row(r.left(), r.right()));
        }
        slip.row(t.get("receipt"), s.receiptNumber()).row(t.get("date"), Formats.dateTime(s.createdAt()))
                .row(t.get("counter"), Integer.toString(head.counterNumber())).row(t.get("clerk"), s.clerkName());
        if (s.caseTrackingCode() != null) {
            slip.row(t.get("case"), s.caseTrackingCode());
        }
        slip.rule().boldRow(t.get("total"), Formats.money(s.amount())).row(t.get("method"), t.get(s.method()));
        if (s.tendered() != null) {
            slip.row(t.get("tendered"), Formats.money(s.tendered())).row(t.get("change"), Formats.money(s.change()));
        }
        if (fiscal == null) {
            // no fiscal lines: say so rather than print something that looks like a fiscal receipt
            return slip.rule().row(s.itemName(), Formats.money(s.amount())).center(t.get("notFiscal")).center(t.get("thanks")).build();
        }
        slip.rule();
        fiscal.footer().forEach(r -> slip.row(r.left(), r.right()));
        return slip.rule().build(fiscal.qrUrl(), fiscal.qrCaption(), t.get("thanks"));
    }
}
