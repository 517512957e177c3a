package al.sportel.model.billing;

import al.sportel.model.UserInfo;
import java.time.Instant;
import java.util.List;

/**
 * A payment as the API shows it; money as decimal strings with two places. {@code takenAt} is when the
 * money changed hands (earlier than {@code createdAt} for a payment taken offline). {@code verificationUrl}
 * (the public URL and the unguessable {@code verificationCode}) is the receipt's QR link; {@code lateEntry}
 * marks an offline payment taken on an earlier day than it reached the server. {@code approvedBy} is the username of
 * the supervisor (or admin) who entered a payment {@code clerk} took offline, past the offline window or not; null for
 * a payment its clerk sent herself.
 */
public record Payment(
        long id,
        String receiptNumber,
        String customerCode,
        String amount,
        String method,
        String tendered,
        String change,
        List<PaidBill> paidBills,
        Instant createdAt,
        long counterId,
        UserInfo clerk,
        String branchCode,
        String ticketId,
        boolean voided,
        Instant takenAt,
        boolean offline,
        String credit,
        boolean needsReview,
        String verificationCode,
        String verificationUrl,
        boolean lateEntry,
        String approvedBy) {
}
