package al.sportel.model.fiscal;

import java.util.List;

/** The supervisor's view of receipts the authority does not have yet, oldest first. */
public record FiscalPending(int alerts, int overdue, List<FiscalReceipt> receipts) {
}
