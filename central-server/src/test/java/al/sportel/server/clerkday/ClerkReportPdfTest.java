package al.sportel.server.clerkday;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.model.ClerkReport;
import al.sportel.model.ClerkReport.ClerkRow;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The clerks' report a supervisor or an administrator prints, in the clerk's language with Albanian dates. */
class ClerkReportPdfTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

    private static ClerkRow row(LocalDate date) {
        return new ClerkRow(date, "TR01", 3, "clerk1", "Arbën Hoxha", 4, 128L, 300L, 150, Map.of("BREAK", 600L), 1, 1, 2, 4.5);
    }

    private static String text(String branch, boolean english) throws Exception {
        ClerkReport r = new ClerkReport(branch, DAY.minusDays(1), DAY, List.of(row(DAY)), List.of(row(null)),
                List.of(new ClerkReport.ServiceRating("TR01", 1, "P", "Pagesa", 2, 4.5, List.of(0, 0, 1, 0, 1))));
        try (PDDocument doc = Loader.loadPDF(ClerkReportPdf.of(r, english))) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void inAlbanianByDefault() throws Exception {
        assertThat(text(null, false)).contains("Raporti i punonjësve të gjitha qendrat  24.11.2026 … 25.11.2026")
                .contains("Punonjësi Data Shërbyer Mes. p90 Joaktiv Pushim Transf. Jashtë radhe Vlerësime Vlerës. mes.")
                .contains("Arbën Hoxha gjithsej 4 2:08 5:00 2:30 10:00 1 1 2 4,50")
                .contains("Arbën Hoxha 25.11.2026 4").contains("Shërbimi Qendra Vlerësime Mesatarja").contains("P Pagesa TR01 2 4,50")
                .doesNotContain("all centres", "2026-11-25", "4.50")
                .as("no cell cut short").doesNotContainPattern("\\S…");
    }

    @Test
    void inEnglishWhenAsked() throws Exception {
        assertThat(text("TR01", true)).contains("Clerks report TR01  24.11.2026 … 25.11.2026")
                .contains("Clerk Date Served Avg p90 Idle Paused Transf. Out of ord. Ratings Avg rating")
                .contains("Arbën Hoxha all 4 2:08").contains("Arbën Hoxha 25.11.2026 4").contains("Service Centre Ratings Average")
                .contains("P Pagesa TR01 2 4.50").doesNotContain("Punonjësi", "2026-11-25")
                .as("no cell cut short").doesNotContainPattern("\\S…");
        assertThat(text(null, true)).contains("all centres");
    }
}
