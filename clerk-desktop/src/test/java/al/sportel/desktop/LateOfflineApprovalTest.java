package al.sportel.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.desktop.offline.LocalStore;
import al.sportel.desktop.offline.Outbox;
import al.sportel.model.Json;
import al.sportel.model.billing.PaymentRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A payment the clerk took offline 60 hours ago reaches the server past the offline window and is refused; in the
 * attention list the clerk's supervisor sends it with her own username and password. A clerk's login, a wrong password
 * and a server out of reach are said in the dialog; then the payment is booked once, as the clerk's late entry on the
 * day it was taken, the item is done, and the clerk's own session carries on.
 */
class LateOfflineApprovalTest extends DesktopTestBase {

    @Test
    void aPaymentRefusedForItsAgeIsSentWithTheSupervisorsApprovalFromTheAttentionList(FxRobot robot) throws Exception {
        openCounter(robot, "clerk1");
        long counter = 0;
        for (JsonNode c : server.get("/api/v1/branches/TR01/counters", server.token("admin"))) {
            if (c.hasNonNull("clerk") && c.get("clerk").get("username").asText().equals("clerk1")) {
                counter = c.get("id").asLong();
            }
        }
        assertThat(counter).as("the counter clerk1 opened").isPositive();
        String before = server.get("/api/v1/customers/100001", server.token("admin")).get("balance").asText();

        // Friday's payment, taken with the link down, still in the outbox on Monday morning. She opened the counter
        // before it: the server's record of that is moved back to Friday (the server dates it by its own clock)
        Instant takenAt = Instant.now().minus(Duration.ofHours(60)).truncatedTo(ChronoUnit.SECONDS);
        server.changeWhileStopped("UPDATE events SET occurred_at = ? WHERE counter_id = ? AND event_type = 'counter.updated'",
                OffsetDateTime.ofInstant(takenAt.minus(Duration.ofHours(1)), ZoneOffset.UTC), counter);
        String body = Json.newMapper().writeValueAsString(
                PaymentRequest.online("100001", "25.00", PaymentRequest.CASH, "50.00", counter, null).takenOffline(takenAt));
        long itemId;
        try (LocalStore store = LocalStore.open(desktopData)) {
            Outbox outbox = new Outbox(store);
            itemId = outbox.add(Outbox.Kind.PAYMENT, "POST", "/api/v1/payments", body, "clerk1", "Pagesë 100001 · 25,00 L",
                    new Outbox.Payer("100001", 25_00)).id();
            waitUntil(30, () -> outbox.get(itemId).orElseThrow().state() == Outbox.State.FAILED);
            assertThat(outbox.get(itemId).orElseThrow().lastError()).contains(PaymentRequest.PAST_WINDOW);
        }
        assertEventually(() -> robot.lookup("#attentionButton").queryAs(Button.class).isVisible(), "the refusal needs attention");
        robot.clickOn("#attentionButton");
        waitUntil(() -> !robot.lookup("#attentionTable").queryAs(TableView.class).getItems().isEmpty());
        TableView<?> table = robot.lookup("#attentionTable").queryAs(TableView.class);
        assertThat(robot.lookup("#approveLate").queryAs(Button.class).isDisabled()).as("nothing chosen yet").isTrue();
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#approveLate");
        waitUntil(() -> robot.lookup("#approvalDialog").tryQuery().isPresent());

        // a clerk is not a supervisor
        approve(robot, "clerk2", "sportel");
        assertEventually(() -> message(robot, "#approvalError").contains("nuk është mbikëqyrës"), "a clerk cannot approve");
        // a wrong password
        approve(robot, "supervisor1", "wrong-password");
        assertEventually(() -> message(robot, "#approvalError").contains("gabuar"), "a wrong password is said");
        // the server out of reach
        server.kill();
        approve(robot, "supervisor1", "sportel");
        assertEventually(() -> message(robot, "#approvalError").contains("Serveri nuk përgjigjet"), "no server, said so");
        server.restart();
        assertThat(server.get("/api/v1/customers/100001", server.token("admin")).get("balance").asText())
                .as("nothing was booked meanwhile").isEqualTo(before);

        approve(robot, "supervisor1", "sportel");
        assertEventually(() -> message(robot, "#approvalResult").contains("supervisor1"), "the dialog shows what was booked");
        assertThat(message(robot, "#approvalError")).isEmpty();
        assertThat(robot.lookup("#approvalSend").queryAs(Button.class).isDisabled()).as("sent once; not again").isTrue();

        // booked once, on the day the money was taken, as the clerk's late entry approved by the supervisor
        String day = LocalDate.ofInstant(takenAt, ZoneId.of("Europe/Tirane")).toString();
        JsonNode report = server.get("/api/v1/reports/cash?counterId=" + counter + "&date=" + day, server.token("supervisor1"));
        assertThat(report.get("payments")).hasSize(1);
        assertThat(report.get("payments").get(0).get("lateEntry").asBoolean()).isTrue();
        JsonNode payment = server.get("/api/v1/payments/" + report.get("payments").get(0).get("id").asLong(), server.token("admin"));
        assertThat(payment.get("clerk").get("username").asText()).isEqualTo("clerk1");
        assertThat(payment.get("approvedBy").asText()).isEqualTo("supervisor1");
        assertThat(Instant.parse(payment.get("takenAt").asText())).isEqualTo(takenAt);
        assertThat(message(robot, "#approvalResult")).contains(payment.get("receiptNumber").asText());
        try (LocalStore store = LocalStore.open(desktopData)) {
            Outbox.Item item = new Outbox(store).get(itemId).orElseThrow();
            assertThat(item.state()).isEqualTo(Outbox.State.DONE);
            assertThat(item.response()).contains(payment.get("receiptNumber").asText());
        }
        assertEventually(() -> table.getItems().isEmpty(), "the attention list no longer holds it");
        assertEventually(() -> !robot.lookup("#attentionButton").queryAs(Button.class).isVisible(), "nothing needs attention");

        // the clerk's own session was not replaced: her outbox still sends as her
        String today = Json.newMapper().writeValueAsString(PaymentRequest.online("100001", "5.00", PaymentRequest.CASH, "5.00", counter, null)
                .takenOffline(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        try (LocalStore store = LocalStore.open(desktopData)) {
            Outbox outbox = new Outbox(store);
            long next = outbox.add(Outbox.Kind.PAYMENT, "POST", "/api/v1/payments", today, "clerk1", "Pagesë 100001 · 5,00 L",
                    new Outbox.Payer("100001", 5_00)).id();
            waitUntil(30, () -> outbox.get(next).orElseThrow().state() != Outbox.State.PENDING);
            JsonNode sent = Json.newMapper().readTree(outbox.get(next).orElseThrow().response());
            assertThat(sent.get("clerk").get("username").asText()).isEqualTo("clerk1");
            assertThat(sent.hasNonNull("approvedBy")).as("her own payment, approved by nobody").isFalse();
        }
    }

    private static void approve(FxRobot robot, String user, String password) throws Exception {
        robot.interact(() -> {
            robot.lookup("#approvalUsername").queryAs(TextField.class).setText(user);
            robot.lookup("#approvalPassword").queryAs(PasswordField.class).setText(password);
        });
        // fired rather than clicked (the dialog may open partly outside the small headless screen), and only once
        // enabled: the button waits while the client is busy, as after the server came back
        AtomicBoolean fired = new AtomicBoolean();
        waitUntil(() -> {
            robot.interact(() -> {
                Button send = robot.lookup("#approvalSend").queryAs(Button.class);
                if (!send.isDisabled()) {
                    send.fire();
                    fired.set(true);
                }
            });
            return fired.get();
        });
    }

    private static String message(FxRobot robot, String id) {
        Label l = robot.lookup(id).queryAs(Label.class);
        return l.isVisible() ? l.getText() : "";
    }
}
