package al.sportel.desktop.offline;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.desktop.api.Refusal;
import al.sportel.model.Problem.FieldError;
import al.sportel.model.billing.PaymentRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only a payment refused for its age is offered to a supervisor, and her approval settles exactly that refused item:
 * a pending one is the sender's business, and a done one stays done.
 */
class LateApprovalOfferTest {

    @TempDir
    Path dir;

    /** A 422 as the server sends it (ApiException.invalid): one field and why. */
    private static Refusal invalid(String field, String message) {
        return new Refusal(422, "validation", "Some fields are missing or invalid", List.of(new FieldError(field, message)));
    }

    @Test
    void onlyAPaymentRefusedForItsAgeIsOfferedAndAnApprovalSettlesOnlyARefusedItem() throws Exception {
        Refusal tooOld = invalid("takenAt", "is older than 48 hours; " + PaymentRequest.PAST_WINDOW);
        try (LocalStore store = LocalStore.open(dir)) {
            Outbox outbox = new Outbox(store);
            Outbox.Item late = outbox.add(Outbox.Kind.PAYMENT, "POST", "/api/v1/payments", "{}", "clerk1", "late");
            Outbox.Item owed = outbox.add(Outbox.Kind.PAYMENT, "POST", "/api/v1/payments", "{}", "clerk1", "more than owed");
            Outbox.Item complaint = outbox.add(Outbox.Kind.COMPLAINT, "POST", "/api/v1/complaints", "{}", "clerk1", "case");
            Outbox.Item pending = outbox.add(Outbox.Kind.PAYMENT, "POST", "/api/v1/payments", "{}", "clerk1", "pending");
            outbox.failed(late.id(), tooOld);
            outbox.failed(owed.id(), invalid("amount", "is more than the customer owes (10.00 lek)"));
            outbox.failed(complaint.id(), tooOld);

            assertThat(LateApproval.offered(outbox.get(late.id()).orElseThrow())).isTrue();
            assertThat(LateApproval.offered(outbox.get(owed.id()).orElseThrow())).as("refused for another reason").isFalse();
            assertThat(LateApproval.offered(outbox.get(complaint.id()).orElseThrow())).as("not a payment").isFalse();
            assertThat(LateApproval.offered(outbox.get(pending.id()).orElseThrow())).as("not refused").isFalse();
            assertThat(LateApproval.offered(null)).isFalse();

            outbox.approved(late.id(), "{\"receiptNumber\":\"TR01-2026-000001\"}");
            outbox.approved(pending.id(), "{}");
            Outbox.Item settled = outbox.get(late.id()).orElseThrow();
            assertThat(settled.state()).isEqualTo(Outbox.State.DONE);
            assertThat(settled.response()).contains("TR01-2026-000001");
            assertThat(settled.lastError()).as("the refusal stays as its history").isEqualTo(tooOld.serverWords());
            assertThat(settled.refusal()).isEqualTo(tooOld);
            assertThat(LateApproval.offered(settled)).isFalse();
            assertThat(outbox.needsAttention()).extracting(Outbox.Item::summary).containsExactly("case", "more than owed");
            assertThat(outbox.get(pending.id()).orElseThrow().state()).as("a pending item is the sender's").isEqualTo(Outbox.State.PENDING);
        }
    }
}
