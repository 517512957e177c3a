package al.sportel.slip;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A {@link Slip} as a PDF for an 80 mm roll (72 mm printable): one page as long as its lines, ending
 * with a vector QR code and its address, for printers the operating system drives and for the copy
 * kept on disk, in the fonts of {@link PdfFonts}.
 */
public final class SlipPdf {

    private static final float WIDTH = 80 / 25.4f * 72;
    private static final float MARGIN = 4 / 25.4f * 72;
    private static final float LINE = 11;
    private static final float QR_SIZE = 110;
    /** One dot of a 203-dpi thermal head, in points. */
    private static final float DOT = 72f / 203;
    private static final float TEXT = 8;
    private static final float HEADING = 8.5f;

    private SlipPdf() {
    }

    public static byte[] render(Slip slip) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfFonts fonts = PdfFonts.of(doc, texts(slip));
            PDFont regular = fonts.regular();
            PDFont bold = fonts.bold();
            List<SlipLine> lines = wrapParagraphs(slip.lines(), regular);
            boolean qr = slip.qrUrl() != null;
            float height = MARGIN * 2 + lines.size() * LINE + (qr ? QR_SIZE + LINE : 0) + (slip.footer() != null ? 2 * LINE : 0);
            PDPage page = new PDPage(new PDRectangle(WIDTH, height));
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                float y = height - MARGIN - LINE;
                for (SlipLine l : lines) {
                    switch (l.kind()) {
                        case RULE -> {
                            s.moveTo(MARGIN, y + LINE / 2);
                            s.lineTo(WIDTH - MARGIN, y + LINE / 2);
                            s.setLineWidth(0.5f);
                            s.stroke();
                        }
                        case CENTER -> centered(s, regular, HEADING, l.left(), y);
                        case TITLE -> centered(s, bold, HEADING, l.left(), y);
                        case BOLD_ROW -> row(s, bold, l.left(), l.right(), y);
                        case ROW, PARAGRAPH -> row(s, regular, l.left(), l.right(), y);
                    }
                    y -= LINE;
                }
                if (qr) {
                    drawQr(s, slip.qrUrl(), (WIDTH - QR_SIZE) / 2, y - QR_SIZE + LINE / 2);
                    y -= QR_SIZE;
                    centered(s, regular, 6f, slip.qrCaption(), y);
                    y -= LINE * 1.4f;
                }
                if (slip.footer() != null) {
                    centered(s, bold, HEADING, slip.footer(), y);
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("could not write the slip", e);
        }
    }

    private static List<String> texts(Slip slip) {
        List<String> texts = new ArrayList<>();
        slip.lines().forEach(l -> {
            texts.add(l.left());
            texts.add(l.right());
        });
        Stream.of(slip.qrCaption(), slip.footer()).filter(Objects::nonNull).forEach(texts::add);
        return texts;
    }

    private static List<SlipLine> wrapParagraphs(List<SlipLine> lines, PDFont font) throws IOException {
        List<SlipLine> out = new ArrayList<>();
        for (SlipLine l : lines) {
            if (l.kind() != SlipLine.Kind.PARAGRAPH) {
                out.add(l);
                continue;
            }
            StringBuilder line = new StringBuilder();
            for (String word : l.left().split("\\s+")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(font, TEXT, candidate) > WIDTH - 2 * MARGIN && !line.isEmpty()) {
                    out.add(new SlipLine(SlipLine.Kind.ROW, line.toString(), ""));
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            if (!line.isEmpty()) {
                out.add(new SlipLine(SlipLine.Kind.ROW, line.toString(), ""));
            }
        }
        return out;
    }

    private static float width(PDFont font, float size, String text) throws IOException {
        return PdfFonts.width(font, size, PdfFonts.printable(font, text));
    }

    private static void row(PDPageContentStream s, PDFont font, String left, String right, float y) throws IOException {
        text(s, font, TEXT, left, MARGIN, y);
        text(s, font, TEXT, right, WIDTH - MARGIN - width(font, TEXT, right), y);
    }

    private static void centered(PDPageContentStream s, PDFont font, float size, String text, float y) throws IOException {
        text(s, font, size, text, Math.max(MARGIN, (WIDTH - width(font, size, text)) / 2), y);
    }

    private static void text(PDPageContentStream s, PDFont font, float size, String text, float x, float y) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(PdfFonts.printable(font, text));
        s.endText();
    }

    private static void drawQr(PDPageContentStream s, String url, float x, float y) throws IOException {
        // level M at least: the fiscal receipt's QR must survive 15 % damage (fiscalization spec 3.7.6)
        BitMatrix m = ReadableQr.encode(url, ErrorCorrectionLevel.M, 1);
        // whole printer dots per module: a module of 5.3 dots prints (and renders) as 5 or 6 and
        // blurs the code's proportions
        float cell = (float) Math.floor(QR_SIZE / m.getWidth() / DOT) * DOT;
        float inset = (QR_SIZE - cell * m.getWidth()) / 2;
        for (int row = 0; row < m.getHeight(); row++) {
            int col = 0;
            while (col < m.getWidth()) {
                int end = col;
                while (end < m.getWidth() && m.get(end, row)) {
                    end++;
                }
                if (end > col) {
                    // one rectangle per dark run: no anti-aliased seams between neighbouring modules
                    s.addRect(x + inset + col * cell, y + inset + (m.getHeight() - 1 - row) * cell, (end - col) * cell, cell);
                    col = end;
                } else {
                    col++;
                }
            }
        }
        s.fill();
    }
}
