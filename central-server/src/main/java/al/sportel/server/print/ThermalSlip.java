package al.sportel.server.print;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A slip for an 80 mm roll (72 mm printable): one page as long as its lines, ending with a vector QR
 * code and its address. Receipts and complaint slips are both made of it. Helvetica's WinAnsi covers
 * ë and ç.
 */
public final class ThermalSlip {

    private static final float WIDTH = 80 / 25.4f * 72;
    private static final float MARGIN = 4 / 25.4f * 72;
    private static final float LINE = 11;
    private static final float QR_SIZE = 110;

    private enum Kind { CENTER, CENTER_BOLD, BOLD, ROW, RULE }

    private record Line(Kind kind, String left, String right) {
    }

    private final List<Line> lines = new ArrayList<>();

    public ThermalSlip title(String text) {
        lines.add(new Line(Kind.CENTER_BOLD, text, ""));
        return this;
    }

    public ThermalSlip center(String text) {
        lines.add(new Line(Kind.CENTER, text, ""));
        return this;
    }

    public ThermalSlip row(String left, String right) {
        lines.add(new Line(Kind.ROW, left, right == null ? "" : right));
        return this;
    }

    public ThermalSlip boldRow(String left, String right) {
        lines.add(new Line(Kind.BOLD, left, right == null ? "" : right));
        return this;
    }

    /** Long text broken into lines that fit the roll. */
    public ThermalSlip paragraph(String text) {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, 8, candidate) > WIDTH - 2 * MARGIN && !line.isEmpty()) {
                row(line.toString(), "");
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            row(line.toString(), "");
        }
        return this;
    }

    public ThermalSlip rule() {
        lines.add(new Line(Kind.RULE, "", ""));
        return this;
    }

    public byte[] render(String qrUrl, String footer) {
        return render(qrUrl, qrUrl, footer);
    }

    /** With a caption under the QR code other than its address (a long address does not fit the roll). */
    public byte[] render(String qrUrl, String qrCaption, String footer) {
        float height = MARGIN * 2 + lines.size() * LINE + QR_SIZE + 3 * LINE;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(WIDTH, height));
            doc.addPage(page);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                float y = height - MARGIN - LINE;
                for (Line l : lines) {
                    switch (l.kind()) {
                        case RULE -> {
                            s.moveTo(MARGIN, y + LINE / 2);
                            s.lineTo(WIDTH - MARGIN, y + LINE / 2);
                            s.setLineWidth(0.5f);
                            s.stroke();
                        }
                        case CENTER -> centered(s, regular, 8.5f, l.left(), y);
                        case CENTER_BOLD -> centered(s, bold, 8.5f, l.left(), y);
                        case BOLD -> row(s, bold, l.left(), l.right(), y);
                        case ROW -> row(s, regular, l.left(), l.right(), y);
                    }
                    y -= LINE;
                }
                drawQr(s, qrUrl, (WIDTH - QR_SIZE) / 2, y - QR_SIZE + LINE / 2);
                y -= QR_SIZE;
                centered(s, regular, 6f, qrCaption, y);
                centered(s, bold, 8.5f, footer, y - LINE * 1.4f);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("could not write the slip", e);
        }
    }

    private static float width(PDType1Font font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException | IllegalArgumentException e) {
            return text.length() * size * 0.5f;
        }
    }

    private static void row(PDPageContentStream s, PDType1Font font, String left, String right, float y) throws IOException {
        text(s, font, 8, left, MARGIN, y);
        text(s, font, 8, right, WIDTH - MARGIN - width(font, 8, right), y);
    }

    private static void centered(PDPageContentStream s, PDType1Font font, float size, String text, float y) throws IOException {
        text(s, font, size, text, Math.max(MARGIN, (WIDTH - width(font, size, text)) / 2), y);
    }

    private static void text(PDPageContentStream s, PDType1Font font, float size, String text, float x, float y) throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(text);
        s.endText();
    }

    private static void drawQr(PDPageContentStream s, String url, float x, float y) throws IOException {
        BitMatrix m;
        try {
            // level M at least: the fiscal receipt's QR must survive 15 % damage (fiscalization spec 3.7.6)
            m = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 1, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IOException(e);
        }
        float cell = QR_SIZE / m.getWidth();
        for (int row = 0; row < m.getHeight(); row++) {
            for (int col = 0; col < m.getWidth(); col++) {
                if (m.get(col, row)) {
                    s.addRect(x + col * cell, y + (m.getHeight() - 1 - row) * cell, cell, cell);
                }
            }
        }
        s.fill();
    }
}
