package al.sportel.slip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The bytes a thermal printer without a driver receives for a receipt. */
class SlipEscPosTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final String URL = "https://sportel.example/public/receipts/TR01-2026-000042";

    static Slip receipt() {
        return Slip.builder().title("Shpërndarja e Energjisë Elektrike").center("Tirana Qendër").rule()
                .title("MANDAT PAGESE").row("Nr. mandati", "TR01-2026-000042").row("Data", "25.11.2026 18:47")
                .row("Klienti", "100001").rule().boldRow("Faturat e paguara", "").amount("10.2026", 1626319)
                .rule().boldRow("TOTALI", "16 263,19 L").row("Kusuri", "36,81 L")
                .paragraph("Ky mandat vërteton pagesën e faturave të mësipërme. Ruajeni deri në faturën e ardhshme, ju lutemi.")
                .rule().center("Verifikoni mandatin:").build(URL, "Faleminderit!");
    }

    @Test
    void aReceiptIsInitialisedWrittenInCodePage1252CarriesItsQrAndIsCut() {
        byte[] bytes = SlipEscPos.eightyMillimetres().render(receipt());

        assertThat(Arrays.copyOf(bytes, 2)).as("ESC @ resets the printer first").containsExactly(0x1B, 0x40);
        assertThat(indexOf(bytes, new byte[] {0x1B, 0x74, 16})).as("ESC t 16 selects code page 1252").isPositive();
        // ë is one byte (0xEB) in the printer's code page, not UTF-8's two
        assertThat(indexOf(bytes, "Shpërndarja e Energjisë Elektrike".getBytes(CP1252))).isPositive();
        assertThat(indexOf(bytes, "Shpërndarja".getBytes(StandardCharsets.UTF_8))).isNegative();
        // a row puts the label left and the amount against the right edge of 48 columns
        String total = "TOTALI" + " ".repeat(48 - 6 - 11) + "16 263,19 L";
        assertThat(indexOf(bytes, total.getBytes(CP1252))).isPositive();
        assertThat(indexOf(bytes, ("10.2026" + " ".repeat(48 - 7 - 11) + "16 263,19 L").getBytes(CP1252))).isPositive();
        // the paragraph is broken at a word within the roll's width
        assertThat(indexOf(bytes, "Ky mandat vërteton pagesën e faturave të\n".getBytes(CP1252))).isPositive();
        // GS ( k function 180 stores the QR data: the verification address, then 181 prints it
        byte[] url = URL.getBytes(StandardCharsets.US_ASCII);
        int length = url.length + 3;
        byte[] store = concat(new byte[] {0x1D, 0x28, 0x6B, (byte) (length & 0xFF), (byte) (length >> 8), 0x31, 0x50, 0x30}, url);
        int qr = indexOf(bytes, store);
        assertThat(qr).as("GS ( k carries the verification URL").isPositive();
        assertThat(indexOf(bytes, new byte[] {0x1D, 0x28, 0x6B, 3, 0, 0x31, 0x51, 0x30})).as("and prints it").isGreaterThan(qr);
        // the paper is cut last (GS V, partial cut)
        int cut = lastIndexOf(bytes, new byte[] {0x1D, 0x56});
        assertThat(cut).isGreaterThan(indexOf(bytes, "Faleminderit!".getBytes(CP1252)));
        assertThat(bytes.length - cut).isLessThanOrEqualTo(3);
    }

    @Test
    void aNameTheCodePageLacksPrintsWithoutItsAccentsNotAsQuestionMarks() {
        Slip slip = Slip.builder().title("Sportel").row("Klienti", "Đorđe Petrović").row("", "Çelë Ştefan")
                .row("", "Γιώργος").build();
        byte[] bytes = SlipEscPos.eightyMillimetres().render(slip);

        assertThat(indexOf(bytes, ("Klienti" + " ".repeat(48 - 7 - 14) + "Dorde Petrovic").getBytes(CP1252))).isPositive();
        // what 1252 holds keeps its accent; what has no plain letter is '?'
        assertThat(indexOf(bytes, "Çelë Stefan".getBytes(CP1252))).isPositive();
        assertThat(indexOf(bytes, "???????".getBytes(CP1252))).isPositive();
    }

    @Test
    void aSlipWithoutQrHasNoQrCommandAndANarrowRollWrapsLongRows() {
        Slip offline = Slip.builder().title("Sportel").row("Klienti:", "100001 Arben Hoxha Kodra e Diellit").build();
        byte[] bytes = new SlipEscPos(SlipEscPos.COLUMNS_58_MM).render(offline);

        assertThat(indexOf(bytes, new byte[] {0x1D, 0x28, 0x6B})).isNegative();
        String value = "100001 Arben Hoxha Kodra e Diellit";
        assertThat(indexOf(bytes, ("Klienti:\n").getBytes(CP1252))).as("label alone when both do not fit").isPositive();
        assertThat(indexOf(bytes, value.getBytes(CP1252))).isPositive();

        // a long address under the QR gives way to a caption that fits (the fiscal receipt's check link)
        Slip fiscal = Slip.builder().title("KOPJE").build(URL + "?iic=0123456789abcdef", "Verifiko kuponin", "Faleminderit!");
        String text = new String(SlipEscPos.eightyMillimetres().render(fiscal), CP1252);
        assertThat(text).contains("iic=0123456789abcdef").contains("Verifiko kuponin\n");
        assertThat(text.indexOf(URL + "?iic")).as("the address only inside the QR command").isEqualTo(text.lastIndexOf(URL + "?iic"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle) {
        int found = -1;
        for (int i = indexOf(haystack, needle); i >= 0; ) {
            found = i;
            int next = indexOf(Arrays.copyOfRange(haystack, i + 1, haystack.length), needle);
            i = next < 0 ? -1 : i + 1 + next;
        }
        return found;
    }
}
