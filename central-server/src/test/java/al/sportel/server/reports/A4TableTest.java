package al.sportel.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;

/** What a finance officer or supervisor sees on a printed report page. */
class A4TableTest {

    private static final A4Table TABLE = A4Table.portrait(36, 13, 7.5f, 9, 0, 84, 180, 238, 296, 354, 446);

    @Test
    void everyCellStaysOnThePageAndOutOfItsNeighbour() throws Exception {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#Reconciliation"});
        rows.add(new String[] {"AMOUNT_MISMATCH", "a partner reference far too long for its column", "100001", "1 200,00",
            "1 100,00", "2026-11-25T10:15:30Z", "TR01-2026-000042"});
        try (PDDocument doc = Loader.loadPDF(TABLE.render(rows))) {
            PDPage page = doc.getPage(0);
            PDFTextStripperByArea area = new PDFTextStripperByArea();
            area.addRegion("page", new Rectangle2D.Float(0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight()));
            area.addRegion("receipt", new Rectangle2D.Float(36 + 446, 0, 595 - 36 - 446 - 36, 200));
            area.addRegion("reference", new Rectangle2D.Float(36 + 84, 0, 180 - 84, 200));
            area.extractRegions(page);
            // the last column used to start 556 pt in and run off the 595 pt page
            assertThat(area.getTextForRegion("receipt")).contains("TR01-2026-000042");
            assertThat(area.getTextForRegion("page")).contains("AMOUNT_MISMATCH").contains("2026-11-25T10:15:30Z");
            assertThat(area.getTextForRegion("reference").strip()).startsWith("a partner reference").endsWith("…")
                    .doesNotContain("100001");
        }
    }

    @Test
    void namesInAnyEuropeanScriptPrintAndALongTableTurnsThePage() throws Exception {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#Clerk", "Served"});
        rows.add(new String[] {"Đorđe Petrović", "12"});
        rows.add(new String[] {"Γιώργος Πάπας", "7"});
        for (int i = 0; i < 80; i++) {
            rows.add(new String[] {"Arbën Hoxha " + i, String.valueOf(i)});
        }
        try (PDDocument doc = Loader.loadPDF(TABLE.render(rows))) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Đorđe Petrović 12").contains("Γιώργος Πάπας 7").contains("Arbën Hoxha 79 79");
        }
    }

    @Test
    void aRowOfFewerCellsThanColumnsRunsItsLastCellOnAsATotalDoes() throws Exception {
        // the branch report's payments: three cells under a table of nine narrow columns
        A4Table report = A4Table.portrait(40, 14, 9, 9, 0, 150, 196, 242, 288, 334, 380, 426, 472);
        List<String[]> rows = List.of(new String[] {"#Payments", "Count", "Amount (L)"}, new String[] {"CASH", "1284", "12 345 678,90"},
            new String[] {"#Service", "Issued", "Served", "No-show", "Cancel", "Wait p50", "Wait p90", "Serv. p50", "Serv. p90"});
        try (PDDocument doc = Loader.loadPDF(report.render(rows))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Amount (L)").contains("12 345 678,90").doesNotContain("…");
        }
    }
}
