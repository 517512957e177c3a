package al.sportel.desktop.billing;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.desktop.app.I18n;
import al.sportel.model.billing.LastPayment;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The lookup's line about the customer's latest payment: where it was made, and whether it still counts. */
class CustomerLedgerLinesTest {

    private static final Instant PAID = Instant.parse("2026-11-25T08:05:00Z");

    private final I18n sq = new I18n("sq");
    private final I18n en = new I18n("en");

    @Test
    void aPaymentInTheCitizensAppIsSaidToBeOnlineNotByMobilePhone() {
        LastPayment online = new LastPayment("WEB-2026-000042", "2450.50", "ONLINE", "Raiffeisen eCommerce", PAID, false);

        assertThat(CustomerLedgerLines.lastPayment(online, sq))
                .isEqualTo("Pagesa e fundit: 2 450,50 L, në internet, me kartë — Raiffeisen eCommerce, 25.11.2026 09:05")
                .doesNotContain("celular");
        assertThat(CustomerLedgerLines.lastPayment(online, en)).contains("online, by card").doesNotContain("mobile");
        assertThat(CustomerLedgerLines.lastPayment(new LastPayment("M-1", "10.00", "MOBILE", "Vodafone", PAID, false), sq))
                .contains("me celular — Vodafone");
    }

    @Test
    void aVoidedOrReversedLastPaymentIsSaidToBeCancelled() {
        LastPayment voided = new LastPayment("TR01-2026-000101", "2450.50", "COUNTER_CASH", null, PAID, true);
        LastPayment reversed = new LastPayment("BKT-77", "75.00", "BANK", "BKT", PAID, true);

        assertThat(CustomerLedgerLines.lastPayment(voided, sq))
                .isEqualTo("Pagesa e fundit: 2 450,50 L, në sportel, para në dorë, 25.11.2026 09:05 — ANULUAR, nuk vlen si pagesë");
        assertThat(CustomerLedgerLines.lastPayment(reversed, en)).contains("at a bank — BKT").contains("CANCELLED");
        assertThat(CustomerLedgerLines.lastPayment(new LastPayment("BKT-78", "75.00", "BANK", "BKT", PAID, false), sq))
                .doesNotContain("ANULUAR");
        assertThat(CustomerLedgerLines.lastValidPayment(new LastPayment("P-1", "30.00", "POST", "Posta Shqiptare", PAID, false), sq))
                .isEqualTo("Pagesa e fundit që vlen: 30,00 L, në postë — Posta Shqiptare, 25.11.2026 09:05");
    }
}
