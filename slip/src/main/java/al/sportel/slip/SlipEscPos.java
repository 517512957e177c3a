package al.sportel.slip;

import com.github.anastaciocintra.escpos.EscPos;
import com.github.anastaciocintra.escpos.EscPos.CharacterCodeTable;
import com.github.anastaciocintra.escpos.EscPos.CutMode;
import com.github.anastaciocintra.escpos.EscPosConst.Justification;
import com.github.anastaciocintra.escpos.Style;
import com.github.anastaciocintra.escpos.barcode.QRCode;
import com.github.anastaciocintra.escpos.barcode.QRCode.QRErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Slip} as ESC/POS commands, for thermal printers that have no driver in the operating
 * system (a USB device, a serial port, a network printer on port 9100). The text goes out in code page
 * 1252, which every common 80 mm printer has and which holds ë and ç; the QR code is the printer's own
 * (GS ( k), so it stays sharp at any resolution; the paper is cut at the end. A letter the code page lacks
 * prints without its accent ({@link CodePageText}).
 */
public final class SlipEscPos {

    /** Font A on an 80 mm roll: 576 dots, 12 dots a character. */
    public static final int COLUMNS_80_MM = 48;
    /** Font A on a 58 mm roll. */
    public static final int COLUMNS_58_MM = 32;
    public static final CharacterCodeTable CODE_PAGE = CharacterCodeTable.WPC1252;

    private static final int QR_MODULE_DOTS = 6;
    private static final int FEED_BEFORE_CUT = 4;

    private static final CodePageText TEXT = new CodePageText(Charset.forName("windows-1252"));

    private final int columns;

    public SlipEscPos(int columns) {
        if (columns < 16) {
            throw new IllegalArgumentException("a slip needs at least 16 columns, not " + columns);
        }
        this.columns = columns;
    }

    public static SlipEscPos eightyMillimetres() {
        return new SlipEscPos(COLUMNS_80_MM);
    }

    public byte[] render(Slip slip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(slip, out);
        } catch (IOException e) {
            // a byte array cannot fail to take bytes
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes the whole slip, from printer reset to cut, to {@code out} (which stays open). */
    public void write(Slip slip, OutputStream out) throws IOException {
        EscPos p = new EscPos(out);
        Style plain = new Style();
        Style bold = new Style().setBold(true);
        Style centred = new Style().setJustification(Justification.Center);
        Style title = new Style().setBold(true).setJustification(Justification.Center);
        p.initializePrinter();
        p.setCharacterCodeTable(CODE_PAGE);
        for (SlipLine raw : slip.lines()) {
            SlipLine l = new SlipLine(raw.kind(), TEXT.of(raw.left()), TEXT.of(raw.right()));
            switch (l.kind()) {
                case TITLE -> p.writeLF(title, l.left());
                case CENTER -> p.writeLF(centred, l.left());
                case ROW -> writeRow(p, plain, l);
                case BOLD_ROW -> writeRow(p, bold, l);
                case PARAGRAPH -> {
                    for (String line : wrap(l.left())) {
                        p.writeLF(plain, line);
                    }
                }
                case RULE -> p.writeLF(plain, "-".repeat(columns));
            }
        }
        if (slip.qrUrl() != null) {
            p.feed(1);
            // level M: the fiscal receipt's QR must survive 15 % damage, as on the PDF
            p.write(new QRCode().setSize(QR_MODULE_DOTS).setErrorCorrectionLevel(QRErrorCorrectionLevel.QR_ECLEVEL_M_Default)
                    .setJustification(Justification.Center), slip.qrUrl());
            p.writeLF(centred, TEXT.of(slip.qrCaption()));
        }
        if (slip.footer() != null) {
            p.feed(1);
            p.writeLF(title, TEXT.of(slip.footer()));
        }
        p.feed(FEED_BEFORE_CUT);
        p.cut(CutMode.PART);
        p.flush();
    }

    /** Label left, value right; when both do not fit one line, the value goes right-aligned below. */
    private void writeRow(EscPos p, Style style, SlipLine l) throws IOException {
        int gap = columns - l.left().length() - l.right().length();
        if (gap >= 1) {
            p.writeLF(style, l.left() + " ".repeat(gap) + l.right());
            return;
        }
        p.writeLF(style, l.left());
        if (!l.right().isEmpty()) {
            p.writeLF(style, " ".repeat(Math.max(0, columns - l.right().length())) + l.right());
        }
    }

    private List<String> wrap(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > columns) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        if (!line.isEmpty()) {
            out.add(line.toString());
        }
        return out;
    }
}
