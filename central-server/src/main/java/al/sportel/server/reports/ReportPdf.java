package al.sportel.server.reports;

import al.sportel.model.BranchReport;
import al.sportel.model.Formats;
import al.sportel.model.Money;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** The report on A4 pages: one table per section, columns at fixed positions. */
final class ReportPdf {

    private static final float MARGIN = 40;
    private static final float LINE = 14;

    private ReportPdf() {
    }

    static byte[] of(BranchReport r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#Sportel — " + r.branchCode() + "  " + Formats.date(r.from()) + " … " + Formats.date(r.to())});
        rows.add(new String[] {""});
        rows.add(new String[] {"#Service", "Issued", "Served", "No-show", "Cancel", "Wait p50", "Wait p90", "Serv. p50", "Serv. p90"});
        for (BranchReport.ServiceFigures s : r.services()) {
            rows.add(figures(s.letter() + " " + s.name(), s));
        }
        rows.add(figures("All", r.totals()));
        rows.add(new String[] {""});
        rows.add(new String[] {"#Clerk", "Served"});
        r.clerks().forEach(c -> rows.add(new String[] {c.displayName(), String.valueOf(c.served())}));
        rows.add(new String[] {""});
        rows.add(new String[] {"#Payments", "Count", "Amount (" + Formats.LEK + ")"});
        r.payments().forEach(p -> rows.add(new String[] {p.method(), String.valueOf(p.count()), Formats.amount(Money.parse(p.amount()))}));
        rows.add(new String[] {"Total", "", Formats.amount(Money.parse(r.paymentsTotal()))});
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font plain = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDPageContentStream cs = null;
            float y = 0;
            for (String[] row : rows) {
                if (cs == null || y < MARGIN) {
                    if (cs != null) {
                        cs.close();
                    }
                    PDPage page = new PDPage(PDRectangle.A4);
                    doc.addPage(page);
                    cs = new PDPageContentStream(doc, page);
                    y = PDRectangle.A4.getHeight() - MARGIN;
                }
                boolean heading = row[0].startsWith("#");
                for (int i = 0; i < row.length; i++) {
                    String text = i == 0 && heading ? row[0].substring(1) : row[i];
                    float x = MARGIN + (i == 0 ? 0 : 150 + (i - 1) * 46);
                    cs.beginText();
                    cs.setFont(heading ? bold : plain, 9);
                    cs.newLineAtOffset(x, y);
                    cs.showText(text.length() > 32 && i == 0 ? text.substring(0, 32) : text);
                    cs.endText();
                }
                y -= LINE;
            }
            cs.close();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] figures(String label, BranchReport.ServiceFigures s) {
        return new String[] {label, String.valueOf(s.issued()), String.valueOf(s.served()), String.valueOf(s.noShows()),
                String.valueOf(s.cancelled()), mmss(s.waitMedianSeconds()), mmss(s.waitP90Seconds()), mmss(s.serviceMedianSeconds()),
                mmss(s.serviceP90Seconds())};
    }

    private static String mmss(Long seconds) {
        return seconds == null ? "—" : "%d:%02d".formatted(seconds / 60, seconds % 60);
    }
}
