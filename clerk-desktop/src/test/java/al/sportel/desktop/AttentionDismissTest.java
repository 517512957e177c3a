package al.sportel.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.desktop.api.Refusal;
import al.sportel.desktop.offline.Outbox;
import al.sportel.model.Json;
import al.sportel.model.Problem.FieldError;
import al.sportel.model.billing.PaymentRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The attention list's "Remove from list": a payment refused for arriving past the offline window cannot be removed
 * (it goes with a supervisor's approval), nor can another clerk's payment, and any other refused operation is removed
 * only once the clerk confirms, a payment with the warning that its money will reach no report of the head office.
 */
class AttentionDismissTest extends DesktopTestBase {

    @Test
    void aLatePaymentCannotBeRemovedAndOtherRefusalsAreRemovedOnlyAfterAConfirmation(FxRobot robot) throws Exception {
        openCounter(robot, "clerk1");
        // refused operations of another clerk who worked at this PC: nothing here sends them again
        Outbox outbox = app().context().local().outbox();
        Instant takenAt = Instant.now().minus(Duration.ofHours(60)).truncatedTo(ChronoUnit.SECONDS);
        String body = Json.newMapper().writeValueAsString(
                PaymentRequest.online("100001", "25.00", PaymentRequest.CASH, "50.00", 1, null).takenOffline(takenAt));
        // the refusals as the server sends them (PaymentLimits, PaymentService, JsonBody)
        long late = refused(outbox, "clerk2", Outbox.Kind.PAYMENT, body, "Pagesë 100001 · 25,00 L",
                invalid("takenAt", "is older than 48 hours; " + PaymentRequest.PAST_WINDOW));
        long others = refused(outbox, "clerk2", Outbox.Kind.PAYMENT, body, "Pagesë 100004 · 15,00 L",
                invalid("customerCode", "no customer with this code"));
        long payment = refused(outbox, "clerk1", Outbox.Kind.PAYMENT, body, "Pagesë 100002 · 40,00 L",
                invalid("amount", "is more than the customer owes (2450.50 lek)"));
        long complaint = refused(outbox, "clerk2", Outbox.Kind.COMPLAINT, "{}", "Ankesë 100003", invalid("category", "unknown"));

        assertEventually(() -> robot.lookup("#attentionButton").queryAs(Button.class).isVisible(), "the refusals need attention");
        robot.clickOn("#attentionButton");
        @SuppressWarnings("unchecked")
        TableView<Outbox.Item> table = robot.lookup("#attentionTable").queryAs(TableView.class);
        assertEventually(() -> table.getItems().size() == 4, "the four refusals are listed");
        Button dismiss = robot.lookup("#dismissAttention").queryAs(Button.class);
        // the reasons in the clerk's language, amounts as every screen writes them; a field this client has no text for in the server's words
        assertThat(reason(table, late)).isEqualTo("Pagesa u mor pa lidhje më shumë se 48 orë më parë: duhet ta regjistrojë një mbikëqyrës.");
        assertThat(reason(table, others)).isEqualTo("Nuk ka klient me këtë kod.");
        assertThat(reason(table, payment)).isEqualTo("Shuma është më e madhe se sa detyrohet klienti tani: 2 450,50 L.");
        assertThat(reason(table, complaint)).isEqualTo("Some fields are missing or invalid: category unknown");

        select(robot, table, late);
        assertThat(dismiss.isDisabled()).as("the late payment goes with a supervisor's approval, not out of the list").isTrue();
        Label note = robot.lookup("#dismissNote").queryAs(Label.class);
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).contains("mbikëqyrësit");

        select(robot, table, others);
        assertThat(dismiss.isDisabled()).as("another clerk's payment is hers to settle").isTrue();
        assertThat(note.getText()).contains("clerk2");

        select(robot, table, payment);
        assertThat(dismiss.isDisabled()).isFalse();
        assertThat(note.isVisible()).isFalse();
        Platform.runLater(dismiss::fire); // the confirmation waits for an answer: do not wait for it here
        assertEventually(() -> robot.lookup("#dismissConfirm").tryQuery().isPresent(), "removing a payment is confirmed first");
        assertThat(confirmation(robot)).contains("Pagesë 100002 · 40,00 L", "clerk1", "nuk do të arrijnë në zyrën qendrore");
        answer(robot, ButtonBar.ButtonData.CANCEL_CLOSE);
        assertEventually(() -> robot.lookup("#dismissConfirm").tryQuery().isEmpty(), "the confirmation closes");
        assertThat(outbox.get(payment).orElseThrow().dismissed()).as("cancelled: the payment stays").isFalse();
        assertThat(table.getItems()).hasSize(4);

        Platform.runLater(dismiss::fire);
        assertEventually(() -> robot.lookup("#dismissConfirm").tryQuery().isPresent(), "asked again");
        answer(robot, ButtonBar.ButtonData.OK_DONE);
        assertEventually(() -> table.getItems().size() == 3, "confirmed: the payment leaves the list");
        assertThat(outbox.get(payment).orElseThrow().dismissed()).isTrue();

        select(robot, table, complaint);
        Platform.runLater(dismiss::fire);
        assertEventually(() -> robot.lookup("#dismissConfirm").tryQuery().isPresent(), "removing a complaint is confirmed too");
        assertThat(confirmation(robot)).contains("Ankesë 100003").doesNotContain("zyrën qendrore");
        answer(robot, ButtonBar.ButtonData.OK_DONE);
        assertEventually(() -> table.getItems().size() == 2, "the complaint leaves the list");

        assertThat(table.getItems()).extracting(Outbox.Item::id).containsExactlyInAnyOrder(late, others);
        assertThat(outbox.get(late).orElseThrow().dismissed()).as("the late payment is still there to be approved").isFalse();
    }

    private static Refusal invalid(String field, String message) {
        return new Refusal(422, "validation", "Some fields are missing or invalid", List.of(new FieldError(field, message)));
    }

    /** The reason column's text for the item. */
    private static String reason(TableView<Outbox.Item> table, long id) {
        Outbox.Item item = table.getItems().stream().filter(i -> i.id() == id).findFirst().orElseThrow();
        return (String) table.getColumns().get(2).getCellData(item);
    }

    private static long refused(Outbox outbox, String clerk, Outbox.Kind kind, String body, String summary, Refusal reason)
            throws Exception {
        long id = outbox.add(kind, "POST", kind == Outbox.Kind.PAYMENT ? "/api/v1/payments" : "/api/v1/complaints", body, clerk,
                summary).id();
        outbox.failed(id, reason);
        return id;
    }

    private static void select(FxRobot robot, TableView<Outbox.Item> table, long id) {
        robot.interact(() -> table.getItems().stream().filter(i -> i.id() == id).findFirst()
                .ifPresent(i -> table.getSelectionModel().select(i)));
    }

    private static String confirmation(FxRobot robot) {
        DialogPane pane = robot.lookup("#dismissConfirm").queryAs(DialogPane.class);
        return pane.getHeaderText() + "\n" + pane.getContentText();
    }

    private static void answer(FxRobot robot, ButtonBar.ButtonData which) {
        DialogPane pane = robot.lookup("#dismissConfirm").queryAs(DialogPane.class);
        robot.interact(() -> {
            for (ButtonType t : pane.getButtonTypes()) {
                if (t.getButtonData() == which) {
                    ((Button) pane.lookupButton(t)).fire();
                }
            }
        });
    }
}
