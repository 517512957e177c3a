package al.sportel.server.reports;

import al.sportel.slip.PdfFonts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Rows of text on A4 pages, new pages as they fill: the reports' one way to print a table. A row of one
 * cell is a line of text across the page; a row of several puts each cell at its column and shortens it
 * with "…" where it would run into the next column (or off the page). A row whose first cell starts with
 * {@code #} is a heading, in bold.
 */
public final class A4Table {

    private static final float GAP = 4;
    private static final String MORE = "…";

    private final PDRectangle page;
    private final float margin;
    private final float lineHeight;
    private final float cellSize;
    private final float textSize;
    /** Where each column starts, in points from the left margin. */
    private final float[] columns;

    private A4Table(PDRectangle page, float margin, float lineHeight, float cellSize, float textSize, float[] columns) {
        this.page = page;
        this.margin = margin;
        this.lineHeight = lineHeight;
        this.cellSize = cellSize;
        this.textSize = textSize;
        this.columns = columns.clone();
    }

    public static A4Table portrait(float margin, float lineHeight, float cellSize, float textSize, float... columns) {
        return new A4Table(PDRectangle.A4, margin, lineHeight, cellSize, textSize, columns);
    }

    public static A4Table landscape(float margin, float lineHeight, float cellSize, float textSize, float... columns) {
        return new A4Table(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()), margin, lineHeight,
                cellSize, textSize, columns);
    }

    public byte[] render(List<String[]> rows) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfFonts fonts = PdfFonts.of(doc, rows.stream().flatMap(Arrays::stream).toList());
            PDPageContentStream cs = null;
            float y = 0;
            for (String[] row : rows) {
                if (cs == null || y < margin) {
                    if (cs != null) {
                        cs.close();
                    }
                    PDPage p = new PDPage(page);
                    doc.addPage(p);
                    cs = new PDPageContentStream(doc, p);
                    y = page.getHeight() - margin;
                }
                boolean heading = row[0].startsWith("#");
                PDFont font = heading ? fonts.bold() : fonts.regular();
                float size = row.length == 1 ? textSize : cellSize;
                for (int i = 0; i < row.length; i++) {
                    String text = PdfFonts.printable(font, i == 0 && heading ? row[0].substring(1) : row[i]);
                    cs.beginText();
                    cs.setFont(font, size);
                    cs.newLineAtOffset(margin + columns[i], y);
                    cs.showText(fit(font, size, text, width(i, row.length)));
                    cs.endText();
                }
                y -= lineHeight;
            }
            if (cs != null) {
                cs.close();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The room cell i has: to the next column, or to the right margin for the last cell of its row (a row
     * of fewer cells than columns, such as a total, runs on) and for a line of text.
     */
    private float width(int i, int cells) {
        float end = i + 1 < Math.min(cells, columns.length) ? columns[i + 1] - GAP : page.getWidth() - 2 * margin;
        return end - columns[i];
    }

    private static String fit(PDFont font, float size, String text, float room) throws IOException {
        if (PdfFonts.width(font, size, text) <= room) {
            return text;
        }
        int end = text.length();
        while (end > 0 && PdfFonts.width(font, size, text.substring(0, end) + MORE) > room) {
            end = text.offsetByCodePoints(end, -1);
        }
        return text.substring(0, end) + MORE;
    }
}
