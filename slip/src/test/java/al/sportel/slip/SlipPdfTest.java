package al.sportel.slip;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The same slip as a PDF: 80 mm wide, its text readable and its QR code scannable. */
class SlipPdfTest {

    @Test
    void theReceiptPdfIsEightyMillimetresWideWithTheTextAndAScannableQr() throws Exception {
        byte[] pdf = SlipPdf.render(SlipEscPosTest.receipt());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isBetween(226f, 227f);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Shpërndarja e Energjisë Elektrike").contains("MANDAT PAGESE")
                    .contains("16 263,19 L").contains("Faleminderit!").contains("Ruajeni deri");
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 203);
            String url = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                    .getText();
            assertThat(url).isEqualTo("https://sportel.example/public/receipts/TR01-2026-000042");
        }
    }

    @Test
    void aSlipWithoutQrEndsAfterItsLines() throws Exception {
        byte[] pdf = SlipPdf.render(Slip.builder().title("Sportel").row("Shuma:", "40,00 L").build());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Sportel").contains("Shuma: 40,00 L");
            assertThat(doc.getPage(0).getMediaBox().getHeight()).isLessThan(60f);
        }
    }

    @Test
    void namesOutsideWesternEuropeStillPrintOnThePdfReceipt() throws Exception {
        // Helvetica's WinAnsi had none of ć, đ, č, ș or Greek: drawing them failed the whole receipt
        byte[] pdf = SlipPdf.render(Slip.builder().title("Sportel").row("Klienti", "Đorđe Petrović")
                .row("Arkëtari", "Ștefan Čolić").paragraph("Γιώργος Παπαδόπουλος, Дмитрий 😀").build());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Klienti Đorđe Petrović").contains("Arkëtari Ștefan Čolić")
                    .contains("Γιώργος Παπαδόπουλος, Дмитрий ?");
            assertThat(fonts(doc)).allMatch(PDFont::isEmbedded);
        }
        // an Albanian receipt needs no font of its own: it stays a few kilobytes on the counter's disk
        byte[] albanian = SlipPdf.render(SlipEscPosTest.receipt());
        try (PDDocument doc = Loader.loadPDF(albanian)) {
            assertThat(fonts(doc)).noneMatch(PDFont::isEmbedded);
        }
        assertThat(albanian.length).isLessThan(pdf.length / 3);
    }

    private static List<PDFont> fonts(PDDocument doc) throws IOException {
        PDResources resources = doc.getPage(0).getResources();
        List<PDFont> fonts = new ArrayList<>();
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        assertThat(fonts).isNotEmpty();
        return fonts;
    }
}
