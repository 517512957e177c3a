package al.sportel.server.fiscal;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.server.billing.ReceiptAddition;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The law's lines on a fiscal receipt: the VAT rate as the receipt's amounts are written, "20%" and not "20.00%". */
class FiscalReceiptLinesTest {

    private static ReceiptAddition lines(int vatRate, boolean english) {
        FiscalSlip slip = new FiscalSlip("OSHEE sh.a.", "L91806031N", "Bulevardi Gjergj Fishta, Tiranë", "bb123bb123", "tc123tc123",
                "oo123oo123", "1/2026/tc123tc123", Instant.parse("2026-11-25T09:15:00Z"), "Tarifë rilidhjeje", "1250.00",
                "250.00", vatRate, "1500.00", "BANKNOTE", "A".repeat(32), null, "https://efiskalizimi", false);
        return FiscalReceiptLines.of(slip, english);
    }

    private static String vatLine(ReceiptAddition a) {
        return a.footer().stream().filter(r -> r.left().startsWith("TVSH") || r.left().startsWith("VAT")).findFirst().orElseThrow()
                .left();
    }

    @Test
    void aWholeRateHasNoDecimalsAndAnotherADecimalComma() {
        assertThat(vatLine(lines(2000, false))).isEqualTo("TVSH 20%");
        assertThat(vatLine(lines(600, false))).isEqualTo("TVSH 6%");
        assertThat(vatLine(lines(2050, false))).isEqualTo("TVSH 20,5%");
        assertThat(vatLine(lines(0, false))).isEqualTo("TVSH 0%");
        assertThat(vatLine(lines(2000, true))).isEqualTo("VAT 20%");
        assertThat(vatLine(lines(1025, true))).isEqualTo("VAT 10,25%");
    }
}
