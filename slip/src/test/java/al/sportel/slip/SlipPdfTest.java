package al.sportel.slip;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
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
}
