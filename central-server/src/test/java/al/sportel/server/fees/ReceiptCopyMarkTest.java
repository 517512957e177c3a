package al.sportel.server.fees;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.model.billing.Payment;
import al.sportel.model.fees.FeeSale;
import al.sportel.server.billing.ReceiptAddition;
import al.sportel.server.billing.ReceiptPdf;
import al.sportel.slip.Slip;
import al.sportel.slip.SlipLine;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A reprinted fiscal receipt, of a payment or of a fee sale, is marked a copy in the receipt's own language. */
class ReceiptCopyMarkTest {

    private static final Instant AT = Instant.parse("2026-11-25T08:05:00Z");
    private static final ReceiptAddition REPRINT = new ReceiptAddition(List.of(), List.of(), "https://efiskalizimi.example/check",
            "check", true);
    private static final Payment PAYMENT = new Payment(1, "TR01-2026-000101", "100001", "2450.50", "CARD", null, null, List.of(), AT,
            3, new UserInfo(7, "clerk1", "Arta Kola", Role.CLERK, "TR01"), "TR01", null, false, AT, false, null, false, null, null,
            false, null);
    private static final FeeSale SALE = new FeeSale(1, "TR01-F-2026-000001", "TR01", 3, "CONNECT", "Lidhje e re", "1200.00", "20",
            "CARD", null, null, null, AT, "Arta Kola", true);

    private static List<String> titles(Slip slip) {
        return slip.lines().stream().filter(l -> l.kind() == SlipLine.Kind.TITLE).map(SlipLine::left).toList();
    }

    @Test
    void anEnglishReprintSaysCopyAndAnAlbanianOneKopje() {
        ReceiptPdf.Context c = new ReceiptPdf.Context("Tirana", "Rruga e Durrësit 1", 3, "Dritan Hoxha", "https://sportel.al/v/x");

        assertThat(titles(ReceiptPdf.slip(PAYMENT, c, true, REPRINT))).contains("COPY").doesNotContain("KOPJE");
        assertThat(titles(ReceiptPdf.slip(PAYMENT, c, false, REPRINT))).contains("KOPJE");
        FeeQueries.Header head = new FeeQueries.Header("Tirana", "Rruga e Durrësit 1", 3);
        assertThat(titles(FeeReceipt.slip(SALE, head, true, REPRINT))).contains("COPY").doesNotContain("KOPJE");
        assertThat(titles(FeeReceipt.slip(SALE, head, false, REPRINT))).contains("KOPJE");
    }
}
