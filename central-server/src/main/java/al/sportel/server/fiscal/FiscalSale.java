package al.sportel.server.fiscal;

import al.sportel.model.Money;
import al.sportel.model.billing.Payment;
import java.time.Instant;

/**
 * One sale to fiscalize: a bill payment or a fee sale (exactly one of the two ids), with its single line.
 * {@code vatRate} in hundredths of a percent, or null for the company's rate; {@code itemCode} may be null.
 */
public record FiscalSale(Long paymentId, Long feeSaleId, String reference, String branchCode, long counterId, long clerkId,
                         String clerkUsername, Instant takenAt, boolean offline, boolean cash, String itemName, String itemCode,
                         long total, Integer vatRate) {

    /** A bill payment: one line "bill payment, customer …" at the company's VAT rate. */
    static FiscalSale of(Payment p) {
        return new FiscalSale(p.id(), null, p.receiptNumber(), p.branchCode(), p.counterId(), p.clerk().id(), p.clerk().username(),
                p.takenAt(), p.offline(), "CASH".equals(p.method()), "Pagesë faturash, klienti " + p.customerCode(), null,
                Money.parse(p.amount()), null);
    }
}
