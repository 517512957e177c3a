package al.sportel.server.channels;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.server.Api;
import al.sportel.server.MutableClock;
import al.sportel.server.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A customer who owes years of bills pays them all at once: the stored answer lists every bill, and it is kept (the
 * answers' columns held 8,000 and 20,000 characters, some 135 and 340 bills; beyond, the money was refused with 422).
 */
class ManyBillsPaymentTest {

    private static final int BILLS = 400;
    private static MutableClock clock;
    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.now());
        server = TestServer.start(clock);
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A new customer owing {@code BILLS} monthly bills of 10.00 lek, the oldest first. */
    private static void customerOwingYears(String code) {
        server.server().database().tx(h -> {
            h.execute("INSERT INTO customers (code, name, address) VALUES (?, ?, ?)", code, "Arben Borxhi", "Rruga e Durrësit 1, Tiranë");
            var batch = h.prepareBatch("INSERT INTO bills (customer_code, period, amount, due_date) VALUES (:c, :p, 1000, :d)");
            LocalDate month = LocalDate.of(1990, 1, 1);
            for (int i = 0; i < BILLS; i++, month = month.plusMonths(1)) {
                batch.bind("c", code).bind("p", month.toString().substring(0, 7)).bind("d", month.plusDays(20)).add();
            }
            return batch.execute();
        });
    }

    @Test
    void aPartnerPaymentOfHundredsOfBillsIsBookedAndReplayed() {
        customerOwingYears("900401");
        PartnerClient bank = PartnerClient.register(server, "MANY", "BANK", clock);
        String body = PartnerClient.payment("MANY-1", "900401", "4000.00", clock.instant());
        JsonNode paid = bank.post("/api/v1/channels/payments", body).expect(201).json();
        assertThat(paid.get("paidBills")).hasSize(BILLS);
        assertThat(bank.post("/api/v1/channels/payments", body).expect(201).json()).as("the stored answer, whole").isEqualTo(paid);
        assertThat(api.get("/api/v1/customers/900401", api.token("clerk1")).expect(200).json().get("balance").asText()).isEqualTo("0.00");
    }

    @Test
    void aCounterPaymentOfHundredsOfBillsIsBookedAndReplayed() {
        customerOwingYears("900402");
        long counter = api.counterId("TR01", 2);
        api.act("clerk2", "/api/v1/counters/" + counter + "/open").expect(200);
        String body = Api.write(Map.of("customerCode", "900402", "amount", "4000.00", "method", "CARD", "counterId", counter));
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        JsonNode paid = api.raw("POST", "/api/v1/payments", api.token("clerk2"), body, key).expect(201).json();
        assertThat(paid.get("paidBills")).hasSize(BILLS);
        Api.Response again = api.raw("POST", "/api/v1/payments", api.token("clerk2"), body, key).expect(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.json()).isEqualTo(paid);
    }
}
