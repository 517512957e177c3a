package al.sportel.desktop.complaints;

import al.sportel.model.cases.CaseView;
import al.sportel.model.cases.CaseCategory;

import al.sportel.desktop.billing.ReceiptPrinter;
import java.util.List;
import java.util.Optional;

/**
 * What the complaint form asks of the server, the outbox and the printer. {@link LinkedCaseDesk} is
 * the real one. Every method blocks.
 */
public interface CaseDesk {

    /** One complaint or application as the clerk filled it in. */
    record Request(boolean complaint, String category, String categoryName, String name, String description, String customerCode,
                   String phone, String email, String ticketId) {
    }

    /**
     * Registered by the server (with its slip), refused by it, or kept in the outbox under a local
     * reference ({@code outboxId}) because the server could not be reached in time.
     */
    record Submitted(CaseView registered, ReceiptPrinter.Outcome slip, long outboxId, String reference,
                     String refusal) {
    }

    List<CaseCategory> categories(boolean complaint) throws Exception;

    Submitted submit(Request request, String summary) throws Exception;

    /** The case a command kept offline became once the server took it; empty while it waits. */
    Optional<Submitted> settled(long outboxId) throws Exception;

    ReceiptPrinter.Outcome printSlip(CaseView registered) throws Exception;

    /** The paper for the citizen when only a local reference exists. */
    ReceiptPrinter.Outcome printLocalSlip(String reference, Request request) throws Exception;
}
