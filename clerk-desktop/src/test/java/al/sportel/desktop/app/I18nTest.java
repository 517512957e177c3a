package al.sportel.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Numbers a clerk reads, written the way of the chosen language. */
class I18nTest {

    @Test
    void aVatRateIsWrittenAsOnTheReceiptNotAsOnTheWire() {
        assertThat(I18n.rate("20.00")).isEqualTo("20");
        assertThat(I18n.rate("6.00")).isEqualTo("6");
        assertThat(I18n.rate("20.50")).isEqualTo("20,5");
        assertThat(I18n.rate("0.00")).isEqualTo("0");
        assertThat(new I18n("sq").t("fee.price", "1 500,00 L", I18n.rate("20.00"))).isEqualTo("Çmimi: 1 500,00 L (me TVSH 20%)");
        assertThat(new I18n("en").t("fee.price", "1 500,00 L", I18n.rate("20.50"))).isEqualTo("Price: 1 500,00 L (VAT 20,5% included)");
    }
}
