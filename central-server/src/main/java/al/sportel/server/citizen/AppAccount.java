package al.sportel.server.citizen;

import al.sportel.model.citizen.AccountSummary;
import java.time.Instant;
import java.util.List;

/**
 * The phone app's "my account": what is due, the unpaid bills, the credit held and the last payments with
 * where they were made and links to their receipts. Only ever built for the customer of the session.
 */
public record AppAccount(String customerCode, String initials, String amountDue, String credit,
                         List<AccountSummary.Bill> unpaidBills, List<Payment> payments) {

    /**
     * One payment: {@code channel} is COUNTER_CASH, COUNTER_CARD… for a counter, or the partner's kind (POST,
     * BANK, MOBILE…) with its name in {@code partner}. {@code receiptPdf} is the citizen's copy (it needs the
     * session header); {@code receiptPage} the public verification page, for counter receipts that have one.
     */
    public record Payment(String receiptNumber, String amount, String channel, String partner, Instant paidAt,
                          boolean cancelled, String receiptPdf, String receiptPage) {
    }
}
