package al.sportel.slip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Collection;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The fonts of every PDF we make, regular and bold. Text that Helvetica's WinAnsi encoding holds (all
 * of Albanian) is set in Helvetica, which the viewer or printer supplies. WinAnsi lacks ć, đ, č and
 * Greek, so a receipt for Đorđe Petrović could not be drawn at all: a document with such text embeds
 * Liberation Sans instead, subset, which covers the Latin, Greek and Cyrillic scripts and has
 * Helvetica's metrics, so the layout is the same either way. Embedding makes a receipt about 20 KB
 * larger and 12 ms slower to draw, which is why it is not the default. A character neither has (an
 * emoji) prints as '?' rather than failing the document.
 */
public record PdfFonts(PDFont regular, PDFont bold) {

    /** Read on the first document that needs them: a missing font must not stop the Helvetica receipts. */
    private static final class Liberation {
        static final byte[] REGULAR = read("LiberationSans-Regular.ttf");
        static final byte[] BOLD = read("LiberationSans-Bold.ttf");
    }

    /**
     * Both faces for one document that will hold these texts (a font object belongs to the document
     * that embeds it).
     */
    public static PdfFonts of(PDDocument doc, Collection<String> texts) {
        PDFont helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        if (texts.stream().allMatch(t -> drawable(helvetica, Normalizer.normalize(t, Normalizer.Form.NFC)))) {
            return new PdfFonts(helvetica, new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD));
        }
        try {
            return new PdfFonts(load(doc, Liberation.REGULAR), load(doc, Liberation.BOLD));
        } catch (IOException e) {
            throw new UncheckedIOException("could not load the PDF fonts", e);
        }
    }

    private static PDFont load(PDDocument doc, byte[] ttf) throws IOException {
        return PDType0Font.load(doc, new RandomAccessReadBuffer(ttf), true, false); // a subset, written horizontally
    }

    /** The text as the font can draw it: composed (NFC), each character it lacks as '?'. */
    public static String printable(PDFont font, String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        if (drawable(font, composed)) {
            return composed;
        }
        StringBuilder out = new StringBuilder(composed.length());
        composed.codePoints().forEach(cp -> {
            String c = Character.toString(cp);
            out.append(drawable(font, c) ? c : "?");
        });
        return out.toString();
    }

    /** How wide drawable text is, in points at this size. */
    public static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    private static boolean drawable(PDFont font, String text) {
        try {
            font.encode(text);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = PdfFonts.class.getResourceAsStream("fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("font " + name + " is missing from the slip module's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
