package al.sportel.server.clerkday;

import al.sportel.model.ClerkReport;
import al.sportel.model.ClerkReport.ClerkRow;
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

/** The clerks' report on landscape A4 pages: totals per clerk, then per day, then ratings per service. */
final class ClerkReportPdf {

    private static final float MARGIN = 36;
    private static final float LINE = 13;
    private static final String[] HEAD = {"Clerk", "Date", "Served", "Avg", "p90", "Idle", "Paused", "Transf.", "Out of ord.",
        "Ratings", "Avg rating"};

    private ClerkReportPdf() {
    }

    static byte[] of(ClerkReport r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#Sportel — " + (r.branchCode() == null ? "all centres" : r.branchCode()) + "  " + r.from() + " … " + r.to()});
        rows.add(new String[] {""});
        rows.add(heading());
        r.totals().forEach(c -> rows.add(line(c)));
        rows.add(new String[] {""});
        rows.add(heading());
        r.days().forEach(c -> rows.add(line(c)));
        rows.add(new String[] {""});
        rows.add(new String[] {"#Service", "Centre", "Ratings", "Average"});
        r.ratingsByService().forEach(s -> rows.add(new String[] {s.letter() + " " + s.name(), s.branchCode(),
            String.valueOf(s.ratings()), String.valueOf(s.averageRating())}));
        PDRectangle landscape = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
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
                    PDPage page = new PDPage(landscape);
                    doc.addPage(page);
                    cs = new PDPageContentStream(doc, page);
                    y = landscape.getHeight() - MARGIN;
                }
                boolean heading = row[0].startsWith("#");
                for (int i = 0; i < row.length; i++) {
                    String text = i == 0 && heading ? row[0].substring(1) : row[i];
                    float x = MARGIN + (i == 0 ? 0 : 170 + (i - 1) * 58);
                    cs.beginText();
                    cs.setFont(heading ? bold : plain, 9);
                    cs.newLineAtOffset(x, y);
                    cs.showText(i == 0 && !heading && text.length() > 34 ? text.substring(0, 34) : text);
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

    private static String[] heading() {
        String[] h = HEAD.clone();
        h[0] = "#" + h[0];
        return h;
    }

    private static String[] line(ClerkRow c) {
        long paused = c.pausedSecondsByReason().values().stream().mapToLong(Long::longValue).sum();
        return new String[] {c.displayName(), c.date() == null ? "all" : c.date().toString(), String.valueOf(c.served()),
            mmss(c.averageServiceSeconds()), mmss(c.p90ServiceSeconds()), mmss(c.idleWhileWaitingSeconds()), mmss(paused),
            String.valueOf(c.transfers()), String.valueOf(c.outOfOrderCalls()), String.valueOf(c.ratings()),
            c.averageRating() == null ? "—" : String.valueOf(c.averageRating())};
    }

    private static String mmss(Long seconds) {
        return seconds == null ? "—" : "%d:%02d".formatted(seconds / 60, seconds % 60);
    }
}
