package al.sportel.server.billing;

import al.sportel.server.queue.QueueEngine;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
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
 * The printed receipt for an 80 mm roll (72 mm printable): one page as long as its content, with a
 * vector QR code to the public verification page. Helvetica's WinAnsi covers ë and ç.
 */
public final class ReceiptPdf {

    private static final float WIDTH = 80 / 25.4f * 72;
    private static final float MARGIN = 4 / 25.4f * 72;
    private static final float LINE = 11;
    private static final float QR_SIZE = 110;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(QueueEngine.ZONE);

    private static final Map<String, String> SQ = Map.ofEntries(
            Map.entry("company", "Shpërndarja e Energjisë Elektrike"), Map.entry("title", "MANDAT PAGESE"),
            Map.entry("receipt", "Nr. mandati"), Map.entry("date", "Data"), Map.entry("counter", "Sporteli"),
            Map.entry("clerk", "Punonjësi"), Map.entry("customer", "Klienti"), Map.entry("bills", "Faturat e paguara"),
            Map.entry("total", "TOTALI"), Map.entry("method", "Mënyra"), Map.entry("CASH", "Para në dorë"),
            Map.entry("CARD", "Kartë"), Map.entry("tendered", "Dhënë"), Map.entry("change", "Kusuri"),
            Map.entry("verify", "Verifikoni mandatin:"), Map.entry("void", "*** ANULUAR ***"), Map.entry("thanks", "Faleminderit!"));
    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("company", "Electricity Distribution"), Map.entry("title", "PAYMENT RECEIPT"),
            Map.entry("receipt", "Receipt no."), Map.entry("date", "Date"), Map.entry("counter", "Counter"),
            Map.entry("clerk", "Clerk"), Map.entry("customer", "Customer"), Map.entry("bills", "Bills paid"),
            Map.entry("total", "TOTAL"), Map.entry("method", "Method"), Map.entry("CASH", "Cash"),
            Map.entry("CARD", "Card"), Map.entry("tendered", "Tendered"), Map.entry("change", "Change"),
            Map.entry("verify", "Verify this receipt:"), Map.entry("void", "*** VOIDED ***"), Map.entry("thanks", "Thank you!"));

    public record Context(String branchName, String branchAddress, int counterNumber, String customerName, String verifyUrl) {
    }

    private ReceiptPdf() {
    }

    public static byte[] render(PaymentView p, Context c, boolean english) {
        Map<String, String> t = english ? EN : SQ;
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"@center-bold", t.get("company")});
        rows.add(new String[] {"@center", c.branchName()});
        rows.add(new String[] {"@center", c.branchAddress()});
        rows.add(new String[] {"@rule"});
        rows.add(new String[] {"@center-bold", t.get("title")});
        if (p.voided()) {
            rows.add(new String[] {"@center-bold", t.get("void")});
        }
        rows.add(new String[] {t.get("receipt"), p.receiptNumber()});
        rows.add(new String[] {t.get("date"), WHEN.format(p.createdAt())});
        rows.add(new String[] {t.get("counter"), Integer.toString(c.counterNumber())});
        rows.add(new String[] {t.get("clerk"), p.clerk().displayName()});
        rows.add(new String[] {t.get("customer"), p.customerCode()});
        rows.add(new String[] {"", c.customerName()});
        rows.add(new String[] {"@rule"});
        rows.add(new String[] {"@bold", t.get("bills")});
        for (PaymentView.PaidBill b : p.paidBills()) {
            rows.add(new String[] {b.period(), b.amount() + " L"});
        }
        rows.add(new String[] {"@rule"});
        rows.add(new String[] {"@bold", t.get("total"), p.amount() + " L"});
        rows.add(new String[] {t.get("method"), t.get(p.method())});
        if (p.tendered() != null) {
            rows.add(new String[] {t.get("tendered"), p.tendered() + " L"});
            rows.add(new String[] {t.get("change"), p.change() + " L"});
        }
        rows.add(new String[] {"@rule"});
        rows.add(new String[] {"@center", t.get("verify")});
        float height = MARGIN * 2 + rows.size() * LINE + QR_SIZE + 3 * LINE;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(WIDTH, height));
            doc.addPage(page);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                float y = height - MARGIN - LINE;
                for (String[] r : rows) {
                    switch (r[0]) {
                        case "@rule" -> {
                            s.moveTo(MARGIN, y + LINE / 2);
                            s.lineTo(WIDTH - MARGIN, y + LINE / 2);
                            s.setLineWidth(0.5f);
                            s.stroke();
                        }
                        case "@center", "@center-bold" -> centered(s, r[0].endsWith("bold") ? bold : regular, 8.5f, r[1], y);
                        case "@bold" -> row(s, bold, r[1], r.length > 2 ? r[2] : "", y);
                        default -> row(s, regular, r[0], r[1], y);
                    }
                    y -= LINE;
                }
                drawQr(s, c.verifyUrl(), (WIDTH - QR_SIZE) / 2, y - QR_SIZE + LINE / 2);
                y -= QR_SIZE;
                centered(s, regular, 6f, c.verifyUrl(), y);
                centered(s, bold, 8.5f, t.get("thanks"), y - LINE * 1.4f);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("could not write the receipt", e);
        }
    }

    private static void row(PDPageContentStream s, PDType1Font font, String left, String right, float y) throws IOException {
        text(s, font, 8, left, MARGIN, y);
        float w = font.getStringWidth(right) / 1000 * 8;
        text(s, font, 8, right, WIDTH - MARGIN - w, y);
    }

    private static void centered(PDPageContentStream s, PDType1Font font, float size, String text, float y) throws IOException {
        float w = font.getStringWidth(text) / 1000 * size;
        text(s, font, size, text, Math.max(MARGIN, (WIDTH - w) / 2), y);
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
            m = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 1));
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
