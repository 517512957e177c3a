package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The citizen's account check: code and last bill's amount together, the same refusal for both mistakes, throttled. */
class CitizenAccountTest {

    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String lastBillAmount(TestServer server, String customer) {
        long qindarka = server.server().database().read(h -> h.createQuery(
                "SELECT amount FROM bills WHERE customer_code = :c ORDER BY period DESC, id DESC")
                .bind("c", customer).mapTo(Long.class).first());
        return BigDecimal.valueOf(qindarka, 2).toPlainString();
    }

    private static Api.Response verify(String code, String proof) {
        return api.post("/api/v1/public/account/verify", null, Map.of("customerCode", code, "proof", proof));
    }

    @Test
    void theCodeWithTheLastBillsAmountOpensTheAccountWrittenAsOnPaper() {
        String amount = lastBillAmount(server, "100001");
        String albanian = amount.replace('.', ',');
        String grouped = albanian.length() > 6 ? albanian.substring(0, albanian.length() - 6) + " " + albanian.substring(albanian.length() - 6) : albanian;
        JsonNode a = verify("100001", grouped).expect(200).json();
        assertThat(a.get("customerCode").asText()).isEqualTo("100001");
        assertThat(a.get("initials").asText()).matches("(\\p{Lu}\\.)( \\p{Lu}\\.)*");
        assertThat(a.get("unpaidBills").size()).isGreaterThanOrEqualTo(2);
        assertThat(new BigDecimal(a.get("amountDue").asText())).isPositive();
        assertThat(a.toString()).doesNotContain("address");

        JsonNode none = verify("100002", lastBillAmount(server, "100002")).expect(200).json();
        assertThat(none.get("amountDue").asText()).isEqualTo("0.00");
        assertThat(none.get("unpaidBills")).isEmpty();
    }

    @Test
    void aWrongProofAndAnUnknownCodeGetTheSameAnswerAndRepeatedFailuresAreThrottled() {
        Api.Response wrong = verify("100003", "1.00").expect(404);
        Api.Response unknown = verify("999999", "1.00").expect(404);
        assertThat(wrong.json().get("detail")).isEqualTo(unknown.json().get("detail"));
        assertThat(verify("100003", "not money").status()).isEqualTo(404);
        assertThat(verify("100003", "").status()).as("an empty proof is a bad request, not a guess").isEqualTo(422);
        for (int i = 0; i < 3; i++) {
            verify("100003", "2.00").expect(404);
        }
        // five failures for this code within the hour: even the right proof waits now
        Api.Response throttled = verify("100003", lastBillAmount(server, "100003")).expect(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(verify("100004", lastBillAmount(server, "100004")).status()).as("other codes from this address").isEqualTo(200);
    }

    @Test
    void theAppSessionOpensWithTheProofServesTheAccountAndEndsOnSignOut() {
        Api.Response wrong = api.post("/api/v1/public/app/session", null, Map.of("customerCode", "100005", "proof", "1.00"));
        assertThat(wrong.status()).isEqualTo(404);
        JsonNode session = api.post("/api/v1/public/app/session", null,
                Map.of("customerCode", "100005", "proof", lastBillAmount(server, "100005"))).expect(201).json();
        String token = session.get("accountToken").asText();
        assertThat(token).hasSizeGreaterThan(30);
        assertThat(session.get("account").get("customerCode").asText()).isEqualTo("100005");

        Map<String, String> header = Map.of("X-Sportel-Account", token);
        JsonNode account = api.raw("GET", "/api/v1/public/app/session", null, "", header).expect(200).json();
        assertThat(account.get("customerCode").asText()).isEqualTo("100005");
        assertThat(api.get("/api/v1/public/app/session", null).status()).as("no session header").isEqualTo(401);

        api.raw("DELETE", "/api/v1/public/app/session", null, "", header).expect(204);
        assertThat(api.raw("GET", "/api/v1/public/app/session", null, "", header).status()).isEqualTo(401);
    }

    private static int failuresOf(String code) {
        return server.server().database().read(h -> h.createQuery("SELECT COUNT(*) FROM citizen_verify_failures WHERE customer_code = :c")
                .bind("c", code).mapTo(Integer.class).one());
    }

    private static String billCode(String customer, int latest) {
        return server.server().database().read(h -> h.createQuery(
                        "SELECT verify_code FROM bills WHERE customer_code = :c ORDER BY period DESC, id DESC")
                .bind("c", customer).mapTo(String.class).list()).get(latest - 1);
    }

    @Test
    void onlyTheLatestThreeBillsCodesOpenTheAccountAnOlderOneIsAFailure() {
        verify("100006", billCode("100006", 3)).expect(200);
        int before = failuresOf("100006");
        // a code from an old bill found in a drawer
        verify("100006", billCode("100006", 4)).expect(404);
        assertThat(failuresOf("100006")).isEqualTo(before + 1);
    }

    @Test
    void manyParallelWrongProofsForOneCodeGetNoMoreChecksThanTheLimit() throws Exception {
        List<Integer> statuses = Parallel.atOnce(24, i -> () -> verify("100007", (i + 1) + ".00").status());
        assertThat(statuses).containsOnly(404, 429);
        assertThat(statuses.stream().filter(s -> s == 404).count()).as("proofs checked").isEqualTo(5);
        assertThat(failuresOf("100007")).isEqualTo(5);
    }
}
