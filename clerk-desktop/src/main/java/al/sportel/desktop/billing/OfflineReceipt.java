package al.sportel.desktop.billing;

import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.Session;
import al.sportel.desktop.offline.Outbox;
import al.sportel.model.Formats;
import al.sportel.model.billing.Customer;
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
 * The 80 mm receipt printed while the head office is unreachable. It says plainly that it was
 * issued offline and carries the local reference (from the idempotency key) that ties it to the
 * payment the server records later.
 */
public final class OfflineReceipt {

    private static final float WIDTH = 80 / 25.4f * 72;

    private OfflineReceipt() {
    }

    public static String reference(Outbox.Item item) {
        return item.idempotencyKey().replace("-", "").substring(0, 10).toUpperCase();
    }

    static byte[] pdf(I18n i18n, Outbox.Item item, Customer customer, long amount, Long tendered, Session session)
            throws IOException {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {i18n.t("receipt.offline.ref"), reference(item)});
        lines.add(new String[] {i18n.t("receipt.time"), Formats.dateTime(item.createdAt())});
        lines.add(new String[] {i18n.t("receipt.counter"), String.valueOf(session.counter().number())});
        lines.add(new String[] {i18n.t("receipt.clerk"), session.user().displayName()});
        lines.add(new String[] {i18n.t("receipt.customer"), customer.code() + " " + customer.name()});
        lines.add(new String[] {i18n.t("receipt.amount"), Formats.money(amount)});
        lines.add(new String[] {i18n.t("receipt.method"), tendered == null ? i18n.t("pay.card") : i18n.t("pay.cash")});
        if (tendered != null) {
            lines.add(new String[] {i18n.t("receipt.tendered"), Formats.money(tendered)});
            lines.add(new String[] {i18n.t("receipt.change"), Formats.money(tendered - amount)});
        }
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        PDType1Font plain = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        float height = 140 + lines.size() * 14;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(WIDTH, height));
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float y = height - 24;
                y = text(cs, bold, 10, 10, y, "Sportel");
                for (String part : wrap(i18n.t("receipt.offline.title"), bold, 9)) {
                    y = text(cs, bold, 9, 10, y, part);
                }
                y -= 6;
                for (String[] l : lines) {
                    text(cs, plain, 8, 10, y, l[0] + ":");
                    y = text(cs, bold, 8, 80, y, l[1]);
                }
                y -= 6;
                for (String part : wrap(i18n.t("receipt.offline.note"), plain, 7)) {
                    y = text(cs, plain, 7, 10, y, part);
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static float text(PDPageContentStream cs, PDType1Font font, float size, float x, float y, String s) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
        return y - size - 5;
    }

    /** Lines that fit the paper's width in this font. */
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
