package al.sportel.desktop.complaints;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The 80 mm paper a citizen takes home when a complaint is taken without the link: the local
 * reference, what was filed, and where and when the real tracking code can be found.
 */
final class OfflineCaseSlip {

    private static final float WIDTH = 80 / 25.4f * 72;

    private OfflineCaseSlip() {
    }

    /** {@code title} first, then label/value rows, then the note wrapped to the paper. */
    static byte[] pdf(String title, List<String[]> rows, String note) throws IOException {
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        PDType1Font plain = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        List<String> titleLines = wrap(title, bold, 9);
        List<String> noteLines = wrap(note, plain, 7);
        float height = 60 + titleLines.size() * 14 + rows.size() * 13 + noteLines.size() * 12;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(WIDTH, height));
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float y = height - 24;
                y = text(cs, bold, 10, y, "Sportel");
                for (String l : titleLines) {
                    y = text(cs, bold, 9, y, l);
                }
                y -= 4;
                for (String[] row : rows) {
                    y = text(cs, plain, 8, y, row[0] + ": " + row[1]);
                }
                y -= 4;
                for (String l : noteLines) {
                    y = text(cs, plain, 7, y, l);
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static float text(PDPageContentStream cs, PDType1Font font, float size, float y, String s) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(10, y);
        cs.showText(s);
        cs.endText();
        return y - size - 5;
    }

    private static List<String> wrap(String text, PDType1Font font, float size) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > WIDTH - 20 && line.length() > 0) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        out.add(line.toString());
        return out;
    }
}
