package al.sportel.server.channels;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.model.channels.Reconciliation;
import al.sportel.model.channels.Reconciliation.Line;
import al.sportel.model.channels.Reconciliation.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The reconciliation the finance office prints: in the clerk's language, money, dates and times as Albanians write them. */
class ReconciliationExportTest {

    private static final Instant PAID = Instant.parse("2026-11-25T09:15:00Z"); // 10:15 in Tirana
    private static final Reconciliation DAY = new Reconciliation(4, "BKT", "Banka Kombëtare", LocalDate.of(2026, 11, 25), PAID,
            List.of(new Line(Status.MATCHED, "R-OK", "100001", "16000.00", "16000.00", PAID, 1L, 1L, "TR01-2026-000001"),
                new Line(Status.MISSING, "R-LOST", "100016", "263.19", null, PAID, 2L, null, null),
                new Line(Status.AMOUNT_MISMATCH, "R-AMT", "100017", "1000000000.00", "999999999.99", PAID, 3L, 3L, "TR01-2026-000042"),
                new Line(Status.UNREPORTED, "R-NEW", "100018", null, "12.00", PAID, null, 4L, "TR01-2026-000043")),
            new Reconciliation.Totals(12, "1000016263.19", 1, "1000016011.99", "16000.00", "251.20", 1, 1, 1, 1, 0, 0));

    private static String text(boolean english) throws Exception {
        try (PDDocument doc = Loader.loadPDF(ReconciliationExport.pdf(DAY, english))) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void inAlbanianByDefault() throws Exception {
        assertThat(text(false)).contains("Sportel — rakordimi Banka Kombëtare (BKT) 25.11.2026")
                .contains("Skedari: 12 rreshta, 1 000 016 263,19 L; të marra: 1 pagesë, 1 000 016 011,99 L; diferenca 251,20 L")
                .contains("Përputhen 1, mungojnë 1, të paraportuara 1, shuma të ndryshme 1, dublikata 0, të anuluara 0")
                .contains("Gjendja Referenca Klienti Në skedar E marrë Paguar më Mandati")
                .contains("Mungon R-LOST 100016 263,19 25.11.2026 10:15")
                .contains("Shumë e ndryshme R-AMT 100017 1 000 000 000,00 999 999 999,99 25.11.2026 10:15 TR01-2026-000042")
                .contains("E paraportuar R-NEW 100018 12,00 25.11.2026 10:15")
                .doesNotContain("R-OK", "MISSING", "lek", "263.19", "2026-11-25", "…");
    }

    @Test
    void inEnglishWhenAsked() throws Exception {
        assertThat(text(true)).contains("Sportel — reconciliation Banka Kombëtare (BKT) 25.11.2026")
                .contains("File: 12 lines, 1 000 016 263,19 L; received: 1 payment, 1 000 016 011,99 L; difference 251,20 L")
                .contains("Matched 1, missing 1, unreported 1, amount mismatches 1, duplicates 0, reversed 0")
                .contains("Status Reference Customer File Received Paid at Receipt")
                .contains("Missing R-LOST 100016 263,19 25.11.2026 10:15").contains("Amount mismatch R-AMT")
                .contains("Unreported R-NEW").doesNotContain("MISSING", "AMOUNT_MISMATCH", "Gjendja", "…");
    }

    @Test
    void theCsvKeepsItsMachineForms() {
        assertThat(ReconciliationExport.csv(DAY)).contains("MISSING,R-LOST,100016,263.19,,2026-11-25T10:15:00+01:00,")
                .contains("TOTAL_FILE,,,1000016263.19");
    }
}
