package al.sportel.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.model.channels.Reconciliation;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The supervisor's Channels tab: a partner's day with its open discrepancies, and the one click that records a missing payment. */
class ChannelsTabTest extends DesktopTestBase {

    private final HttpClient http = HttpClient.newHttpClient();
    private String keyId;
    private String secret;

    /** Signs as docs/channels.md says, as a bank's system would. */
    private int signedPost(String path, String body, String contentType) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(Instant.now().getEpochSecond());
        String toSign = String.join("\n", "SPORTEL-HMAC-SHA256", "POST", path, ts,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        HttpRequest r = HttpRequest.newBuilder(URI.create(server.url() + path)).POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header("Content-Type", contentType).header("X-Sportel-Key", keyId).header("X-Sportel-Timestamp", ts)
                .header("X-Sportel-Signature", HexFormat.of().formatHex(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8))))
                .build();
        return http.send(r, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** The demo bank gets a key, as an admin gives one. */
    private void bankKey() throws Exception {
        long bkt = -1;
        for (JsonNode p : server.get("/api/v1/partners", server.token("admin"))) {
            if (p.get("code").asText().equals("BKT")) {
                bkt = p.get("id").asLong();
            }
        }
        JsonNode key = server.post("/api/v1/partners/" + bkt + "/credentials", server.token("admin"), "{}");
        keyId = key.get("keyId").asText();
        secret = key.get("secret").asText();
    }

    @Test
    void theClerksLookupShowsTheCreditAndWhereTheLastPaymentWasMade(FxRobot robot) throws Exception {
        bankKey();
        // 100002 owes nothing: all of it becomes credit
        assertThat(signedPost("/api/v1/channels/payments", "{\"partnerReference\":\"T-C\",\"customerCode\":\"100002\","
                + "\"amount\":\"75.00\",\"paidAt\":\"" + Instant.now() + "\"}", "application/json")).isEqualTo(201);
        openCounter(robot, "clerk1");
        robot.type(KeyCode.F3);
        robot.clickOn("#customerCode").write("100002").type(KeyCode.ENTER);
        assertEventually(() -> robot.lookup("#customerCredit").tryQuery().isPresent(), "the credit shows");
        assertThat(text(robot, "#customerCredit")).contains("75,00");
        assertThat(text(robot, "#customerLastPayment")).contains("75,00").contains("në bankë");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSupervisorSeesTheOpenDiscrepancyAndRecordsTheMissingPaymentWithOneClick(FxRobot robot) throws Exception {
        bankKey();
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneId.of("Europe/Tirane"));
        assertThat(signedPost("/api/v1/channels/payments", "{\"partnerReference\":\"T-A\",\"customerCode\":\"100003\",\"amount\":\"10.00\","
                + "\"paidAt\":\"" + now + "\"}", "application/json")).isEqualTo(201);
        assertThat(signedPost("/api/v1/channels/settlements?date=" + today, "reference,customer,amount,paidAt\nT-A,100003,10.00," + now
                + "\nT-MISS,100004,12.00," + now + "\n", "text/csv")).isEqualTo(200);

        logIn(robot, "supervisor1", "sportel");
        waitUntil(() -> robot.lookup("#consoleButton").tryQuery().map(n -> n.isVisible()).orElse(false));
        robot.clickOn("#consoleButton");
        waitUntil(() -> robot.lookup("#tabs").tryQuery().isPresent());
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "channelsTab".equals(t.getId())).findFirst().orElseThrow());
        });
        // the rows are the pane's own records: read through their text, as the admin test does
        TableView<Object> partners = robot.lookup("#channelPartners").queryAs(TableView.class);
        assertEventually(() -> partners.getItems().stream().anyMatch(d -> d.toString().contains("code=BKT")
                && d.toString().contains("missing=1,")), "BKT's day with one missing payment");
        robot.interact(() -> partners.getSelectionModel().select(
                partners.getItems().stream().filter(d -> d.toString().contains("code=BKT")).findFirst().orElseThrow()));
        TableView<Reconciliation.Line> lines = robot.lookup("#channelLines").queryAs(TableView.class);
        assertEventually(() -> lines.getItems().size() == 1, "the one open line");
        // the line's amounts as the partners' columns write theirs: "12,00", not the wire's "12.00"
        assertThat(lines.getColumns().stream().map(c -> String.valueOf(c.getCellObservableValue(0).getValue())).toList())
                .containsSubsequence("T-MISS", "100004", "12,00", "—");
        robot.interact(() -> lines.getSelectionModel().select(0));
        AtomicBoolean fired = new AtomicBoolean();
        waitUntil(() -> {
            robot.interact(() -> {
                Button b = robot.lookup("#channelCreate").queryAs(Button.class);
                if (!b.isDisabled()) {
                    b.fire();
                    fired.set(true);
                }
            });
            return fired.get();
        });
        String admin = server.token("admin");
        assertEventually(() -> server.get("/api/v1/reconciliation?partner=BKT&date=" + today, admin)
                .get("totals").get("missing").asInt() == 0, "the payment is recorded on the server");
        assertEventually(() -> partners.getItems().stream().anyMatch(d -> d.toString().contains("code=BKT")
                && d.toString().contains("missing=0,") && d.toString().contains("matched=2,")), "and the tab shows it matched");
        assertThat(server.get("/api/v1/customers/100004", server.token("admin")).get("lastPayments").get(0).get("channel").asText())
                .isEqualTo("BANK");
    }
}
