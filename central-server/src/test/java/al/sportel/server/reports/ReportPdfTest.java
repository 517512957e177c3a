package al.sportel.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.model.BranchReport;
import al.sportel.model.BranchReport.MethodFigures;
import al.sportel.model.BranchReport.ServiceFigures;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The centre report a supervisor prints: in the clerk's language, money and dates as Albanians write them. */
class ReportPdfTest {

    private static final ServiceFigures PAY = new ServiceFigures(1L, "P", "Pagesa", "Payments", 120, 110, 6, 4, 0.05, 300L, 720L, 150L, 400L);
    private static final BranchReport REPORT = new BranchReport("TR01", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
            List.of(PAY), new ServiceFigures(null, null, null, null, 120, 110, 6, 4, 0.05, 300L, 720L, 150L, 400L),
            List.of(new BranchReport.ClerkFigures(3, "clerk1", "Arbën Hoxha", 110)),
            List.of(new MethodFigures("CASH", 80, "16263.19"), new MethodFigures("CARD", 20, "2450.00")), "18713.19",
            2, "1200.00", List.of(new MethodFigures("CASH", 3, "4500.00")), "4500.00");

    private static String text(boolean english) throws Exception {
        try (PDDocument doc = Loader.loadPDF(ReportPdf.of(REPORT, english))) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void inAlbanianByDefault() throws Exception {
        assertThat(text(false)).contains("Raporti i qendrës TR01  01.11.2026 … 30.11.2026")
                .contains("Shërbimi Lëshuar Shërbyer Munguan Anuluar Pritja p50 Pritja p90 Shër. p50 Shër. p90")
                .contains("P Pagesa 120 110 6 4").contains("Gjithsej 120 110 6 4 5:00 12:00 2:30 6:40").contains("Punonjësi Shërbyer")
                .contains("Pagesat Numri Shuma (L)").contains("Para në dorë 80 16 263,19").contains("Kartë 20 2 450,00")
                .contains("Gjithsej 18 713,19").contains("Më parë, anuluar tani 2 1 200,00")
                .contains("Tarifat e shërbimit Numri Shuma (L)").contains("Para në dorë 3 4 500,00")
                .doesNotContain("Service", "Payments", "CASH", "CARD", "16263.19", "2026-11-01")
                .as("no cell cut short").doesNotContainPattern("\\S…");
    }

    @Test
    void inEnglishWhenAsked() throws Exception {
        assertThat(text(true)).contains("Centre report TR01  01.11.2026 … 30.11.2026")
                .contains("Service Issued Served No-show Cancel Wait p50 Wait p90 Serv. p50 Serv. p90")
                .contains("P Payments 120 110 6 4").contains("All 120 110 6 4").contains("Clerk Served").contains("Payments Count Amount (L)")
                .contains("Cash 80 16 263,19").contains("Card 20 2 450,00").contains("Total 18 713,19")
                .contains("Earlier, voided 2 1 200,00").contains("Service fees Count Amount (L)")
                .doesNotContain("Shërbimi", "Pagesa", "CASH", "CARD", "16263.19")
                .as("no cell cut short").doesNotContainPattern("\\S…");
    }
}
