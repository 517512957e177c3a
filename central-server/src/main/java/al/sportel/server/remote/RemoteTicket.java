package al.sportel.server.remote;

import java.time.Instant;

/**
 * A remote ticket as its holder sees it: the ticket, where and when to go, and the check-in code its
 * QR code holds. {@code skipped}: its turn came before it checked in; {@code canRecall}: checking in now
 * brings it back (once).
 */
public record RemoteTicket(
        String ticketId,
        String number,
        String branchCode,
        String branchName,
        long serviceId,
        String serviceName,
        String serviceNameEn,
        String status,
        Integer position,
        Integer estimatedWaitSeconds,
        Integer counterNumber,
        Instant issuedAt,
        int travelMinutes,
        String checkInCode,
        boolean checkedIn,
        boolean skipped,
        boolean recalled,
        boolean canRecall,
        boolean smsOptIn,
        String viewUrl,
        String qrUrl) {
}
