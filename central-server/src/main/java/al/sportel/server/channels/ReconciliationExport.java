package al.sportel.server.channels;

import al.sportel.model.channels.Reconciliation;
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

/** A reconciliation report as CSV (one row per line, totals at the end) and as an A4 PDF for the finance office. */
final class ReconciliationExport {

    private static final String[] COLUMNS = {"status", "reference", "customer", "fileAmount", "receivedAmount", "paidAt", "receipt"};
    private static final float MARGIN = 36;
    private static final float LINE = 13;
    private static final float[] X = {0, 95, 215, 275, 345, 415, 520};

    private ReconciliationExport() {
    }

    static String csv(Reconciliation r) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (String[] row : rows(r)) {
            out.append(String.join(",", row)).append('\n');
        }
        Reconciliation.Totals t = r.totals();
        out.append("TOTAL_FILE,,,").append(t.fileTotal()).append(",,,\n");
        out.append("TOTAL_RECEIVED,,,,").append(t.receivedTotal()).append(",,\n");
        out.append("DIFFERENCE,,,").append(t.difference()).append(",,,\n");
        return out.toString();
    }

    private static List<String[]> rows(Reconciliation r) {
        List<String[]> rows = new ArrayList<>();
        for (Reconciliation.Line l : r.lines()) {
            rows.add(new String[] {l.status().name(), l.partnerReference(), l.customerCode(), blank(l.fileAmount()),
                blank(l.receivedAmount()), l.paidAt() == null ? "" : l.paidAt().toString(), blank(l.receiptNumber())});
        }
        return rows;
    }

    static byte[] pdf(Reconciliation r) {
        Reconciliation.Totals t = r.totals();
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"#Sportel - reconciliation " + r.partnerName() + " (" + r.partnerCode() + ") " + r.date()});
        lines.add(new String[] {"File: " + t.fileLines() + " lines, " + t.fileTotal() + " lek; received: " + t.receivedPayments()
            + " payments, " + t.receivedTotal() + " lek; difference " + t.difference() + " lek"});
        lines.add(new String[] {"Matched " + t.matched() + ", missing " + t.missing() + ", unreported " + t.unreported()
            + ", amount mismatches " + t.amountMismatches() + ", duplicates " + t.duplicates() + ", reversed " + t.reversed()});
        lines.add(new String[] {""});
        lines.add(new String[] {"#Status", "Reference", "Customer", "File", "Received", "Paid at", "Receipt"});
        // matched lines are the bulk of a normal day and need no action: the PDF lists what does
        rows(r).stream().filter(row -> !row[0].equals("MATCHED")).forEach(lines::add);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font plain = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDPageContentStream cs = null;
            float y = 0;
            for (String[] row : lines) {
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
                    cs.beginText();
                    cs.setFont(heading ? bold : plain, row.length == 1 ? 9 : 7.5f);
                    cs.newLineAtOffset(MARGIN + X[i], y);
                    cs.showText(row.length > 1 && text.length() > 22 ? text.substring(0, 22) : text);
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

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}
