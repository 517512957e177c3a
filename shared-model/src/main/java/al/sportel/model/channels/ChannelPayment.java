package al.sportel.model.channels;

import java.time.Instant;
import java.util.List;

/**
 * Our answer to a partner's payment: our id and receipt number, how it was applied to the bills
 * (oldest first) and what became credit on the customer.
 */
public record ChannelPayment(long id, String receiptNumber, String partnerReference, String customerCode, String amount,
                             String credit, String method, Instant paidAt, Instant receivedAt, List<PaidBill> paidBills) {

    public record PaidBill(long billId, String period, String amount) {
    }
}
