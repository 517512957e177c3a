package al.sportel.desktop.billing;

import al.sportel.model.billing.Customer;
import al.sportel.model.billing.Payment;

import al.sportel.slip.Slip;
import java.time.Instant;

/**
 * What the payment panel asks of the server, the outbox and the printer. {@link LinkedPaymentDesk}
 * is the real one; the view-model's tests put a fake behind this interface. Every method blocks:
 * call them through {@link al.sportel.desktop.app.Jobs}.
 */
public interface PaymentDesk {

    /** A customer and, when the server was out of reach, when the local copy was kept. */
    record Found(Customer customer, Instant cachedAt) {
    }

    /** One payment as the clerk confirmed it; amounts in qindarka. */
    record Request(String customerCode, long amount, boolean cash, Long tendered, long counterId, String ticketId,
                   boolean offline, Instant takenAt) {
    }

    /**
     * What became of a payment: taken by the server (with its receipt), refused by it, or kept in the
     * outbox with a local reference because the server could not be reached in time; then
     * {@code offlineReceipt} is the receipt the desk drew itself, kept for a reprint.
     */
    record Outcome(Payment payment, ReceiptPrinter.Outcome printed, String offlineReference, String refusal,
                   Slip offlineReceipt) {
    }

    /** The server's answer or, without a link, the cached customer; less the payments still waiting in the outbox. */
    Found lookUp(String code) throws Exception;

    /** True while the head office answers. */
    boolean online();

    Outcome pay(Request request, Customer customer, String summary) throws Exception;

    /** Prints the server's receipt of a payment again. */
    ReceiptPrinter.Outcome reprint(Payment payment) throws Exception;

    /** Prints a receipt issued offline again, from the slip kept when it was taken. */
    ReceiptPrinter.Outcome reprint(String offlineReference, Slip receipt) throws Exception;
}
