package al.sportel.desktop.billing;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.model.billing.CashLine;
import al.sportel.model.billing.CashReport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The shift's cash list a clerk saves as PDF, whatever the letters of the clerk's name. */
class ShiftReportPdfTest {

    @Test
    void theShiftListNamesTheClerkAndListsEveryPaymentVoidedOnesMarked() throws Exception {
        CashReport report = new CashReport(3, 3, "TR01", LocalDate.of(2026, 11, 27), List.of(), "3 000.00", 1, "500.00",
                List.of(new CashLine(1, "TR01-2026-000101", "100001", "2 500.00", "CASH", Instant.parse("2026-11-27T08:15:00Z"),
                                "Đorđe Petrović", false, false, false),
                        new CashLine(2, "TR01-2026-000102", "100002", "500.00", "CARD", Instant.parse("2026-11-27T09:40:00Z"),
                                "Đorđe Petrović", true, false, false)),
                0, List.of(), "0.00", "2500.00", 0, "0.00");

        byte[] pdf = ShiftReportDialog.pdf("Arka e sportelit 3 — Đorđe Petrović", "Totali: 3 000,00 L", report);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Arka e sportelit 3 — Đorđe Petrović").contains("Totali: 3 000,00 L")
                    .contains("TR01-2026-000101").contains("TR01-2026-000102").contains("ANULUAR/VOIDED");
        }
    }
}
