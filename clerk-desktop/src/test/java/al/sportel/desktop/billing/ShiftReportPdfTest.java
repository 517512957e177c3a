package al.sportel.desktop.billing;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.desktop.app.I18n;
import al.sportel.model.billing.CashLine;
import al.sportel.model.billing.CashReport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The shift's cash list a clerk saves as PDF: her name, every payment as the screen shows it, in her language. */
class ShiftReportPdfTest {

    private static final CashReport REPORT = new CashReport(3, 3, "TR01", LocalDate.of(2026, 11, 27), List.of(), "3450.00", 1, "500.00",
            List.of(new CashLine(1, "TR01-2026-000101", "100001", "2450.00", "CASH", Instant.parse("2026-11-27T08:15:33Z"),
                            "Đorđe Petrović", false, false, false),
                    new CashLine(2, "TR01-2026-000102", "100002", "500.00", "CARD", Instant.parse("2026-11-27T09:40:00Z"),
                            "Đorđe Petrović", true, false, false),
                    new CashLine(3, "TR01-2026-000103", "100003", "1000.00", "CARD", Instant.parse("2026-11-27T10:05:00Z"),
                            "Đorđe Petrović", false, false, true)),
            0, List.of(), "0.00", "2450.00", 0, "0.00");

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void theShiftListNamesTheClerkAndListsEveryPaymentVoidedOnesMarked() throws Exception {
        String text = text(ShiftReportDialog.pdf(new I18n("sq"), "Arka e sportelit 3 — Đorđe Petrović", "Totali: 3 000,00 L", REPORT));

        assertThat(text).contains("Arka e sportelit 3 — Đorđe Petrović").contains("Totali: 3 000,00 L")
                .contains("TR01-2026-000101").contains("TR01-2026-000102").contains("TR01-2026-000103");
    }

    @Test
    void amountsMethodsAndVoidMarksAreWrittenAsOnTheScreenInAlbanian() throws Exception {
        String text = text(ShiftReportDialog.pdf(new I18n("sq"), "Mbyllja e turnit", "Gjithsej: 3 450,00 L", REPORT));

        assertThat(text).as("amounts as the dialog shows them").contains("2 450,00", "500,00", "1 000,00").doesNotContain("2450.00");
        assertThat(text).as("the method in Albanian").contains("Para në dorë", "Kartë").doesNotContain("CASH", "CARD");
        assertThat(text).as("the void marks in Albanian").contains("ANULUAR", "ANULUAR MË VONË").doesNotContain("VOIDED");
    }

    @Test
    void theDayAndTheTimesAreWrittenAsOnEveryScreen() throws Exception {
        assertThat(ShiftReportDialog.title(new I18n("sq"), REPORT)).isEqualTo("Mbyllja e turnit — Sporteli 3, 27.11.2026");
        assertThat(ShiftReportDialog.title(new I18n("en"), REPORT)).isEqualTo("End of shift — Counter 3, 27.11.2026");

        String text = text(ShiftReportDialog.pdf(new I18n("sq"), ShiftReportDialog.title(new I18n("sq"), REPORT), "Gjithsej", REPORT));

        assertThat(text).contains("27.11.2026").doesNotContain("2026-11-27");
        assertThat(text).as("Tirana's time, hours and minutes, as the dialog's table").contains("09:15 ", "10:40 ", "11:05 ")
                .doesNotContain("09:15:33");
    }

    @Test
    void anEnglishSessionPrintsItInEnglish() throws Exception {
        String text = text(ShiftReportDialog.pdf(new I18n("en"), "End of shift", "Total: 3 450,00 L", REPORT));

        assertThat(text).contains("2 450,00", "Cash", "Card", "VOIDED", "VOIDED LATER").doesNotContain("ANULUAR", "CASH", "CARD");
    }
}
