package al.sportel.server.fiscal;

import al.sportel.model.Formats;
import al.sportel.server.billing.ReceiptAddition;
import al.sportel.server.billing.ReceiptAddition.Row;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The law's lines on the printed receipt (Law 87/2019, spec 3.7.6), in Albanian or English. */
final class FiscalReceiptLines {

    private static final Map<String, String> SQ = Map.ofEntries(
            Map.entry("seller", "Shitësi"), Map.entry("nuis", "NIPT"), Map.entry("address", "Adresa"),
            Map.entry("bu", "Njësia e biznesit"), Map.entry("tcr", "Kodi i TCR"), Map.entry("operator", "Operatori"),
            Map.entry("invNum", "Nr. i faturës"), Map.entry("net", "Vlera pa TVSH"), Map.entry("vat", "TVSH"),
            Map.entry("pending", "(do të dërgohet)"), Map.entry("BANKNOTE", "Kesh"), Map.entry("CARD", "Kartë"),
            Map.entry("pay", "Mënyra e pagesës"), Map.entry("check", "Verifikoni faturën: efiskalizimi, tatime.gov.al"));
    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("seller", "Seller"), Map.entry("nuis", "NUIS"), Map.entry("address", "Address"),
            Map.entry("bu", "Business unit"), Map.entry("tcr", "TCR code"), Map.entry("operator", "Operator"),
            Map.entry("invNum", "Invoice no."), Map.entry("net", "Without VAT"), Map.entry("vat", "VAT"),
            Map.entry("pending", "(to be sent)"), Map.entry("BANKNOTE", "Cash"), Map.entry("CARD", "Card"),
            Map.entry("pay", "Payment method"), Map.entry("check", "Verify this invoice: efiskalizimi, tatime.gov.al"));

    private FiscalReceiptLines() {
    }

    static ReceiptAddition of(FiscalSlip f, boolean english) {
        Map<String, String> t = english ? EN : SQ;
        List<Row> header = List.of(new Row(t.get("seller"), f.sellerName()), new Row(t.get("nuis"), f.nuis()),
                new Row(t.get("address"), f.address()), new Row(t.get("bu"), f.businUnitCode()), new Row(t.get("tcr"), f.tcrCode()),
                new Row(t.get("operator"), f.operatorCode()), new Row(t.get("invNum"), f.invNum()));
        // NSLF and NIVF are 32 and 36 characters: each goes on a line of its own under its label
        List<Row> footer = List.of(new Row(f.itemName(), Formats.money(f.totPrice())),
                new Row(t.get("net"), Formats.money(f.totWithoutVat())),
                new Row(t.get("vat") + " " + rate(f.vatRate()) + "%", Formats.money(f.totVat())),
                new Row(t.get("pay"), t.get(f.payMethod())),
                new Row("NSLF", ""), new Row(f.iic(), ""),
                new Row("NIVF", f.fic() == null ? t.get("pending") : ""), new Row(f.fic() == null ? "" : f.fic(), ""));
        return new ReceiptAddition(header, footer, f.verifyUrl(), t.get("check"), f.copy());
    }

    /**
     * A rate in hundredths of a percent as the receipt's amounts are written, in either language: 2000 → "20",
     * 2050 → "20,5" (not "20.00" nor "20.50").
     */
    static String rate(int hundredthsOfPercent) {
        return BigDecimal.valueOf(hundredthsOfPercent, 2).stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
