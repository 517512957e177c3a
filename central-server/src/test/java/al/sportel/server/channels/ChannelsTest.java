package al.sportel.server.channels;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.server.Api;
import al.sportel.server.MutableClock;
import al.sportel.server.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Partners paying through the signed API and reconciling their day, against the real server (H2 and PostgreSQL). */
class ChannelsTest {

    private static final ZoneId TIRANE = ZoneId.of("Europe/Tirane");
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

    /** A new partner with a fresh key, as an admin sets one up. */
    private static PartnerClient partner(String code, String kind) {
        return PartnerClient.register(server, code, kind, clock);
    }

    private static long partnerId(String code) {
        for (JsonNode p : api.get("/api/v1/partners", api.token("admin")).expect(200).json()) {
            if (p.get("code").asText().equals(code)) {
                return p.get("id").asLong();
            }
        }
        throw new AssertionError("no partner " + code);
    }

    private static JsonNode customer(String code) {
        return api.get("/api/v1/customers/" + code, api.token("clerk1")).expect(200).json();
    }

    private static BigDecimal owed(String code) {
        return new BigDecimal(customer(code).get("balance").asText());
    }

    private static void assertUnauthorized(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void signedRequestsPassAndForgedStaleOrUnknownOnesAre401() {
        PartnerClient bank = partner("SIGB", "BANK");
        JsonNode c = bank.get("/api/v1/channels/customers/100002").expect(200).json();
        assertThat(c.get("name").asText()).matches("\\p{Lu}\\. \\S+");
        assertThat(c.get("amountDue").asText()).isEqualTo("0.00");
        assertThat(c.get("unpaidBills")).isEmpty();
        assertThat(c.has("address")).isFalse();
        bank.get("/api/v1/channels/customers/999999").expect(404);

        String path = "/api/v1/channels/customers/100003";
        assertUnauthorized(bank.send("GET", path, "", clock.instant(), "00".repeat(32)));
        assertUnauthorized(bank.send("GET", path, "", clock.instant(), "not-hex"));
        assertUnauthorized(bank.send("GET", path, "", clock.instant().minus(Duration.ofMinutes(6)), null));
        assertUnauthorized(bank.send("GET", path, "", clock.instant().plus(Duration.ofMinutes(6)), null));
        bank.send("GET", path, "", clock.instant().minus(Duration.ofMinutes(4)), null).expect(200);
        assertUnauthorized(bank.withKey("SIGB-000000000000", "made-up").get(path));
        assertUnauthorized(api.get(path, api.token("admin")));

        // a signature is bound to its body: the same headers over another amount are refused
        Instant now = clock.instant();
        String body = PartnerClient.payment("SIG-1", "100004", "100.00", now);
        String ts = Long.toString(now.getEpochSecond());
        String sig = Signature.sign(secretOf(bank), "POST", "/api/v1/channels/payments", ts, body.getBytes());
        assertUnauthorized(bank.send("POST", "/api/v1/channels/payments", body.replace("100.00", "900.00"), now, sig));

        // replayed: the very same signed request again is harmless — the first answer, no second payment
        JsonNode first = bank.send("POST", "/api/v1/channels/payments", body, now, sig).expect(201).json();
        Api.Response again = bank.send("POST", "/api/v1/channels/payments", body, now, sig).expect(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.json()).isEqualTo(first);
        assertThat(paymentsWithReference("SIG-1")).isEqualTo(1);
        // and once its five minutes are over, the replay is refused outright
        clock.advance(Duration.ofMinutes(6));
        assertUnauthorized(bank.send("POST", "/api/v1/channels/payments", body, now, sig));
    }

    @Test
    void rotationKeepsTheOldKeyForTheOverlapAndRevocationEndsAKeyAtOnce() {
        PartnerClient oldKey = partner("ROT", "POST");
        long id = partnerId("ROT");
        JsonNode fresh = api.post("/api/v1/partners/" + id + "/credentials", api.token("admin"), Map.of("overlapHours", 1))
                .expect(201).json();
        assertThat(fresh.get("previousKeysExpireAt").asText()).isNotEmpty();
        PartnerClient newKey = oldKey.withKey(fresh.get("keyId").asText(), fresh.get("secret").asText());
        oldKey.get("/api/v1/channels/customers/100005").expect(200);
        newKey.get("/api/v1/channels/customers/100005").expect(200);
        clock.advance(Duration.ofMinutes(61));
        api.forgetTokens();
        assertUnauthorized(oldKey.get("/api/v1/channels/customers/100005"));
        newKey.get("/api/v1/channels/customers/100005").expect(200);
        JsonNode keys = api.get("/api/v1/partners/" + id + "/credentials", api.token("admin")).expect(200).json();
        assertThat(keys).hasSize(2);
        assertThat(keys.toString()).doesNotContain(fresh.get("secret").asText());

        api.post("/api/v1/partners/" + id + "/credentials/" + fresh.get("keyId").asText() + "/revoke", api.token("admin"), Map.of())
                .expect(204);
        assertUnauthorized(newKey.get("/api/v1/channels/customers/100005"));
        api.post("/api/v1/partners/" + id + "/credentials", api.token("clerk1"), Map.of()).expect(403);
    }

    @Test
    void twentyParallelSendsOfOneReferenceMakeOnePaymentAndAnotherBodyIs409() throws Exception {
        PartnerClient mobile = partner("IDEM", "MOBILE");
        BigDecimal before = owed("100006");
        String body = PartnerClient.payment("IDEM-20", "100006", "10.00", clock.instant());
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Api.Response>> sends = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sends.add(pool.submit(() -> mobile.post("/api/v1/channels/payments", body)));
            }
            Set<String> ids = new HashSet<>();
            for (Future<Api.Response> f : sends) {
                ids.add(f.get().expect(201).json().get("id").asText());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(paymentsWithReference("IDEM-20")).isEqualTo(1);
        // paid once: what is owed, less any credit, went down by exactly one payment
        assertThat(owed("100006").subtract(customerCredit("100006"))).isEqualByComparingTo(before.subtract(new BigDecimal("10.00")));
        Api.Response conflict = mobile.post("/api/v1/channels/payments", body.replace("10.00", "11.00")).expect(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        mobile.post("/api/v1/channels/payments", "{\"partnerReference\":\"x y\",\"amount\":\"-1\"}").expect(422);
        mobile.post("/api/v1/channels/payments", PartnerClient.payment("NOCUST", "999999", "5.00", clock.instant())).expect(422);
        mobile.post("/api/v1/channels/payments", "not json").expect(400);
    }

    @Test
    void paymentsGoToTheOldestBillsFirstAndTheRestBecomesVisibleCredit() {
        PartnerClient post = partner("OLD", "POST");
        JsonNode before = customer("100001");
        List<JsonNode> bills = new ArrayList<>();
        before.get("unpaidBills").forEach(bills::add);
        BigDecimal owed = new BigDecimal(before.get("balance").asText());
        String amount = owed.add(new BigDecimal("250.50")).toPlainString();
        JsonNode paid = post.post("/api/v1/channels/payments", PartnerClient.payment("OLD-1", "100001", amount, clock.instant()))
                .expect(201).json();
        assertThat(paid.get("receiptNumber").asText()).startsWith("CH-OLD-");
        assertThat(paid.get("credit").asText()).isEqualTo("250.50");
        List<Long> order = new ArrayList<>();
        paid.get("paidBills").forEach(b -> order.add(b.get("billId").asLong()));
        assertThat(order).containsExactlyElementsOf(bills.stream().map(b -> b.get("id").asLong()).toList());

        JsonNode after = customer("100001");
        assertThat(after.get("unpaidBills")).isEmpty();
        assertThat(after.get("credit").asText()).isEqualTo("250.50");
        JsonNode last = after.get("lastPayments").get(0);
        assertThat(last.get("receiptNumber").asText()).isEqualTo(paid.get("receiptNumber").asText());
        assertThat(last.get("channel").asText()).isEqualTo("POST");
        assertThat(last.get("amount").asText()).isEqualTo(amount);

        // a part payment pays the oldest bill first and leaves the newer one owed
        JsonNode c = customer("100010");
        if (c.get("unpaidBills").size() >= 2) {
            JsonNode oldest = c.get("unpaidBills").get(0);
            JsonNode part = post.post("/api/v1/channels/payments", PartnerClient.payment("OLD-2", "100010", "1.00", clock.instant()))
                    .expect(201).json();
            assertThat(part.get("paidBills")).hasSize(1);
            assertThat(part.get("paidBills").get(0).get("billId").asLong()).isEqualTo(oldest.get("id").asLong());
        }
    }

    @Test
    void aSameDayReversalMakesTheBillsOweAgainAndAnOlderOneIsRefused() {
        PartnerClient bank = partner("REV", "BANK");
        BigDecimal before = owed("100007");
        JsonNode p = bank.post("/api/v1/channels/payments", PartnerClient.payment("REV-1", "100007", "20.00", clock.instant()))
                .expect(201).json();
        assertThat(owed("100007")).isEqualByComparingTo(before.subtract(new BigDecimal("20.00")).max(BigDecimal.ZERO));
        JsonNode rev = bank.post("/api/v1/channels/payments/REV-1/reversal", "").expect(200).json();
        assertThat(rev.get("receiptNumber").asText()).isEqualTo(p.get("receiptNumber").asText());
        assertThat(owed("100007")).isEqualByComparingTo(before);
        assertThat(bank.post("/api/v1/channels/payments/REV-1/reversal", "").expect(200).json()).isEqualTo(rev);
        // a reference no payment has brought: 404, and it is closed (ReversalBeforePaymentTest); another partner's
        // reference of the same name is its own, and touches nothing of this bank's
        assertThat(bank.post("/api/v1/channels/payments/NOPE/reversal", "").expect(404).json().get("type").asText())
                .endsWith("/reversed-before-payment");
        partner("REVX", "BANK").post("/api/v1/channels/payments/REV-1/reversal", "").expect(404);
        assertThat(owed("100007")).isEqualByComparingTo(before);

        bank.post("/api/v1/channels/payments", PartnerClient.payment("REV-2", "100007", "5.00", clock.instant())).expect(201);
        clock.advance(Duration.ofDays(1));
        api.forgetTokens();
        assertThat(bank.post("/api/v1/channels/payments/REV-2/reversal", "").expect(409).contentType()).startsWith("application/problem+json");
    }

    @Test
    void aSettlementFileSavedFromASpreadsheetIsReadLikeAPlainOne() {
        PartnerClient bank = partner("XLSX", "BANK");
        Instant t = clock.instant();
        LocalDate day = LocalDate.ofInstant(t, TIRANE);
        bank.post("/api/v1/channels/payments", PartnerClient.payment("X-1", "100021", "100.00", t)).expect(201);
        String path = "/api/v1/channels/settlements?date=" + day;
        // Excel's "CSV UTF-8": a byte-order mark, every field quoted, CRLF, a blank line, a line of spaces, a space before a quote
        String saved = "\uFEFF\"reference\",\"customer\",\"amount\",\"paidAt\"\r\n\"X-1\",\"100021\",\"100.00\",\"" + t
                + "\"\r\n\r\n   \r\nX-2, \"100022\", \"20.00\", " + t + "\r\n";
        JsonNode ack = bank.post(path, saved).expect(200).json();
        assertThat(ack.get("lines").asInt()).isEqualTo(2);
        assertThat(ack.get("total").asText()).isEqualTo("120.00");
        JsonNode r = api.get("/api/v1/reconciliation?partner=XLSX&date=" + day, api.token("admin")).expect(200).json();
        assertThat(status(r, "X-1")).isEqualTo("MATCHED");
        assertThat(status(r, "X-2")).isEqualTo("MISSING");

        // a bad line is named by the line the partner's editor shows, blank lines counted; nothing is stored
        String bad = "reference,customer,amount,paidAt\n\"X-3\",100023,5.00," + t + "\n\nX-4,100024,\"1,5\"," + t + "\n";
        assertThat(bank.post(path, bad).expect(422).body()).contains("line 4").doesNotContain("line 2");
        assertThat(bank.post(path, "reference,customer,amount,paidAt\n\"X-5,100025,5.00," + t + "\n").expect(422).body())
                .contains("not a readable CSV file").doesNotContain("org.apache");
        // a customer code is a code: nothing a spreadsheet would split or run on its way to the reconciliation CSV
        assertThat(bank.post(path, "reference,customer,amount,paidAt\nX-6,1;=1+2,5.00," + t + "\n").expect(422).body())
                .contains("line 2").contains("customer must be a customer code");
        assertThat(api.get("/api/v1/reconciliation?partner=XLSX&date=" + day, api.token("admin")).expect(200).json()
                .get("totals").get("fileTotal").asText()).isEqualTo("120.00");
    }

    /**
     * Paid at 23:50, filed with the next day: reconciled on the day of the file that names it (matched, its money
     * in that day's received total), and not left unreported on the day it was paid; a payment a later file lists
     * again is a duplicate there.
     */
    @Test
    void aPaymentLateAtNightFiledTheNextDayBalancesBothDays() {
        PartnerClient bank = partner("NITE", "BANK");
        LocalDate day = LocalDate.ofInstant(clock.instant(), TIRANE);
        Instant lateLastNight = day.atStartOfDay(TIRANE).toInstant().minus(java.time.Duration.ofMinutes(10));
        Instant lastNoon = lateLastNight.minus(java.time.Duration.ofHours(12));
        Instant now = clock.instant();
        bank.post("/api/v1/channels/payments", PartnerClient.payment("N-NOON", "100041", "30.00", lastNoon)).expect(201);
        bank.post("/api/v1/channels/payments", PartnerClient.payment("N-LATE", "100042", "40.00", lateLastNight)).expect(201);
        bank.post("/api/v1/channels/payments", PartnerClient.payment("N-TODAY", "100043", "50.00", now)).expect(201);
        bank.post("/api/v1/channels/settlements?date=" + day.minusDays(1), "reference,customer,amount,paidAt\nN-NOON,100041,30.00,"
                + lastNoon + "\n").expect(200);
        // today's file also lists yesterday's N-NOON again: a duplicate, which today's difference shows
        bank.post("/api/v1/channels/settlements?date=" + day, "reference,customer,amount,paidAt\nN-LATE,100042,40.00," + lateLastNight
                + "\nN-TODAY,100043,50.00," + now + "\nN-NOON,100041,30.00," + lastNoon + "\n").expect(200);

        JsonNode today = api.get("/api/v1/reconciliation?partner=NITE&date=" + day, api.token("supervisor1")).expect(200).json();
        assertThat(status(today, "N-LATE")).isEqualTo("MATCHED");
        assertThat(today.get("totals").get("matched").asInt()).isEqualTo(2);
        assertThat(today.get("totals").get("receivedTotal").asText()).isEqualTo("90.00");
        assertThat(status(today, "N-NOON")).as("filed yesterday already").isEqualTo("DUPLICATE");
        assertThat(today.get("totals").get("difference").asText()).isEqualTo("30.00");
        JsonNode yesterday = api.get("/api/v1/reconciliation?partner=NITE&date=" + day.minusDays(1), api.token("supervisor1")).expect(200).json();
        assertThat(yesterday.get("totals").get("unreported").asInt()).as("N-LATE is reconciled on the next day").isZero();
        assertThat(yesterday.get("totals").get("receivedTotal").asText()).isEqualTo("30.00");
        assertThat(yesterday.get("totals").get("difference").asText()).isEqualTo("0.00");
    }

    /** A file's line with an extra "00" or a date to come is shown, but the one click does not book it. */
    @Test
    void aMissingLineBeyondTheApisBoundsIsNotBookedByTheOneClick() {
        PartnerClient bank = partner("BNDS", "BANK");
        Instant t = clock.instant();
        LocalDate day = LocalDate.ofInstant(t, TIRANE);
        bank.post("/api/v1/channels/settlements?date=" + day, "reference,customer,amount,paidAt\nB-BIG,100031,20000000.00," + t
                + "\nB-LATER,100032,5.00," + t.plus(java.time.Duration.ofDays(2)) + "\n").expect(200);
        JsonNode r = api.get("/api/v1/reconciliation?partner=BNDS&date=" + day, api.token("supervisor1")).expect(200).json();
        assertThat(r.get("totals").get("missing").asInt()).isEqualTo(2);
        String before = api.get("/api/v1/customers/100031", api.token("supervisor1")).expect(200).body();
        assertThat(api.post("/api/v1/reconciliation/lines/" + line(r, "B-BIG").get("settlementLineId").asLong() + "/create-payment",
                api.token("supervisor1"), null).expect(422).body()).contains("ceiling");
        assertThat(api.post("/api/v1/reconciliation/lines/" + line(r, "B-LATER").get("settlementLineId").asLong() + "/create-payment",
                api.token("supervisor1"), null).expect(422).body()).contains("future");
        assertThat(api.get("/api/v1/customers/100031", api.token("supervisor1")).expect(200).body()).as("nothing booked").isEqualTo(before);
        assertThat(api.get("/api/v1/reconciliation?partner=BNDS&date=" + day, api.token("supervisor1")).expect(200).json()
                .get("totals").get("missing").asInt()).isEqualTo(2);
    }

    @Test
    void aSettlementFileWithEveryKindOfDiscrepancyIsReconciled() {
        PartnerClient bank = partner("RECO", "BANK");
        Instant t = clock.instant();
        LocalDate day = LocalDate.ofInstant(t, TIRANE);
        for (String[] p : new String[][] {{"R-OK", "100011", "100.00"}, {"R-AMT", "100012", "50.00"}, {"R-DUP", "100013", "70.00"},
            {"R-NOTFILED", "100014", "30.00"}, {"R-REV", "100015", "40.00"}}) {
            bank.post("/api/v1/channels/payments", PartnerClient.payment(p[0], p[1], p[2], t)).expect(201);
        }
        bank.post("/api/v1/channels/payments/R-REV/reversal", "").expect(200);
        String file = """
                reference,customer,amount,paidAt
                R-OK,100011,100.00,%1$s
                R-AMT,100012,55.00,%1$s
                R-DUP,100013,70.00,%1$s
                R-DUP,100013,70.00,%1$s
                R-LOST,100016,25.00,%1$s
                R-REV,100015,40.00,%1$s
                """.formatted(t);
        String path = "/api/v1/channels/settlements?date=" + day;
        assertThat(bank.post(path, "reference,customer,amount,paidAt\nR-X,100011,abc," + t + "\n").expect(422).body()).contains("line 2");
        JsonNode ack = bank.post(path, file).expect(200).json();
        assertThat(ack.get("lines").asInt()).isEqualTo(6);
        assertThat(ack.get("total").asText()).isEqualTo("360.00");

        JsonNode r = api.get("/api/v1/reconciliation?partner=RECO&date=" + day, api.token("supervisor1")).expect(200).json();
        JsonNode totals = r.get("totals");
        assertThat(totals.get("matched").asInt()).isEqualTo(2);
        assertThat(totals.get("missing").asInt()).isEqualTo(1);
        assertThat(totals.get("unreported").asInt()).isEqualTo(1);
        assertThat(totals.get("amountMismatches").asInt()).isEqualTo(1);
        assertThat(totals.get("duplicates").asInt()).isEqualTo(1);
        assertThat(totals.get("reversed").asInt()).isEqualTo(1);
        assertThat(totals.get("fileTotal").asText()).isEqualTo("360.00");
        assertThat(totals.get("receivedTotal").asText()).isEqualTo("250.00");
        assertThat(totals.get("difference").asText()).isEqualTo("110.00");
        assertThat(status(r, "R-NOTFILED")).isEqualTo("UNREPORTED");
        assertThat(status(r, "R-AMT")).isEqualTo("AMOUNT_MISMATCH");

        String csv = api.get("/api/v1/reconciliation?partner=RECO&date=" + day + "&format=csv", api.token("admin")).expect(200).body();
        assertThat(csv).startsWith("status,reference,customer,fileAmount,receivedAmount,paidAt,receipt\n")
                .contains("MISSING,R-LOST,100016,25.00,,").contains("DUPLICATE,R-DUP").contains("DIFFERENCE,,,110.00");
        // times as the finance office reads them: Tirana's, with the offset, not UTC
        assertThat(csv).containsPattern("MATCHED,[^\\n]*,20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d)?(\\.\\d+)?\\+0[12]:00,")
                .doesNotContainPattern("T\\d\\d:\\d\\d(:\\d\\d)?(\\.\\d+)?Z,");
        assertThat(api.get("/api/v1/reconciliation?partner=RECO&date=" + day + "&format=pdf", api.token("admin")).expect(200).body())
                .startsWith("%PDF");
        String pdf = "/api/v1/reconciliation?partner=RECO&date=" + day + "&format=pdf";
        assertThat(api.pdfText(pdf, api.token("admin"))).contains("rakordimi", "Mungon R-LOST 100016 25,00", "diferenca 110,00 L")
                .doesNotContain("MISSING");
        assertThat(api.pdfText(pdf + "&lang=en", api.token("admin"))).contains("reconciliation", "Missing R-LOST 100016 25,00")
                .doesNotContain("MISSING");
        api.get("/api/v1/reconciliation?partner=RECO&date=" + day, api.token("clerk1")).expect(403);

        // one click by a supervisor turns the missing line into a payment, audited, and the line is matched
        long lineId = line(r, "R-LOST").get("settlementLineId").asLong();
        JsonNode created = api.post("/api/v1/reconciliation/lines/" + lineId + "/create-payment", api.token("supervisor1"), null)
                .expect(201).json();
        assertThat(created.get("amount").asText()).isEqualTo("25.00");
        api.post("/api/v1/reconciliation/lines/" + lineId + "/create-payment", api.token("supervisor1"), null).expect(409);
        JsonNode again = api.get("/api/v1/reconciliation?partner=RECO&date=" + day, api.token("supervisor1")).expect(200).json();
        assertThat(status(again, "R-LOST")).isEqualTo("MATCHED");
        assertThat(again.get("totals").get("missing").asInt()).isZero();
        assertThat(api.get("/api/v1/audit?branchCode=TR01", api.token("supervisor1")).expect(200).body())
                .contains("channel.payment.from-file").contains("R-LOST");
        assertThat(api.get("/api/v1/audit?kind=changes", api.token("admin")).expect(200).body())
                .as("partners and their keys belong to no centre: the company-wide log has them")
                .contains("channel.partner.create").contains("partner RECO").contains("channel.key.issue");

        // a corrected file replaces the first one
        JsonNode fixed = bank.post(path, file.replace("R-AMT,100012,55.00", "R-AMT,100012,50.00")).expect(200).json();
        assertThat(fixed.get("replacedEarlierFile").asBoolean()).isTrue();
        JsonNode third = api.get("/api/v1/reconciliation?partner=RECO&date=" + day, api.token("admin")).expect(200).json();
        assertThat(third.get("totals").get("amountMismatches").asInt()).isZero();

        // an admin uploads the same corrected file for the partner: nothing changes
        api.raw("POST", "/api/v1/partners/" + partnerId("RECO") + "/settlements?date=" + day,
                api.token("admin"), file.replace("R-AMT,100012,55.00", "R-AMT,100012,50.00"), Map.of()).expect(200);
        api.raw("POST", "/api/v1/partners/" + partnerId("RECO") + "/settlements?date=" + day,
                api.token("supervisor1"), file, Map.of()).expect(403);

        // payments by channel: the partner's five live payments (the reversed one left out), and no partners in a branch's view
        JsonNode byChannel = api.get("/api/v1/reports/channels?from=" + day + "&to=" + day, api.token("admin")).expect(200).json();
        JsonNode row = null;
        for (JsonNode r2 : byChannel.get("channels")) {
            if ("RECO".equals(r2.path("partnerCode").asText())) {
                row = r2;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("channel").asText()).isEqualTo("BANK");
        assertThat(row.get("count").asInt()).isEqualTo(5);
        assertThat(row.get("amount").asText()).isEqualTo("275.00");
        assertThat(api.get("/api/v1/reports/channels?from=" + day + "&to=" + day + "&branchCode=TR01", api.token("supervisor1"))
                .expect(200).body()).doesNotContain("RECO");
        api.get("/api/v1/reports/channels?from=" + day + "&to=" + day + "&branchCode=DR01", api.token("supervisor1")).expect(403);
    }

    /**
     * Paid at 23:50, received at 00:10 and reversed at 09:00 the next day: the day it was paid never counts it, in the
     * report by channel as in its reconciliation (it was counted there for ever, the reversal being after the day).
     */
    @Test
    void aPaymentReceivedAfterItsDayAndReversedIsNotInThatDaysReportByChannel() {
        PartnerClient bank = partner("LATEREV", "BANK");
        LocalDate monday = LocalDate.ofInstant(clock.instant(), TIRANE);
        Instant midnight = monday.plusDays(1).atStartOfDay(TIRANE).toInstant();
        clock.advance(Duration.between(clock.instant(), midnight.plus(Duration.ofMinutes(10))));
        api.forgetTokens();
        bank.post("/api/v1/channels/payments", PartnerClient.payment("LR-1", "100051", "15.00", midnight.minus(Duration.ofMinutes(10))))
                .expect(201);
        bank.post("/api/v1/channels/payments", PartnerClient.payment("LR-2", "100052", "7.00", midnight.minus(Duration.ofMinutes(5))))
                .expect(201);
        clock.advance(Duration.ofHours(9));
        api.forgetTokens();
        bank.post("/api/v1/channels/payments/LR-1/reversal", "").expect(200);
        JsonNode row = partnerRow(api.get("/api/v1/reports/channels?from=" + monday + "&to=" + monday, api.token("admin"))
                .expect(200).json(), "LATEREV");
        assertThat(row.get("count").asInt()).as("only the payment that stands").isEqualTo(1);
        assertThat(row.get("amount").asText()).isEqualTo("7.00");
        assertThat(api.get("/api/v1/reconciliation?partner=LATEREV&date=" + monday, api.token("admin")).expect(200).json()
                .get("totals").get("receivedTotal").asText()).as("as the day's reconciliation has it").isEqualTo("7.00");
    }

    /** A supervisor who names no centre sees her own centre's counters (and every partner), never another centre's. */
    @Test
    void aSupervisorsReportByChannelIsOfHerOwnCentre() {
        PartnerClient post = partner("OWNC", "POST");
        post.post("/api/v1/channels/payments", PartnerClient.payment("OC-1", "100061", "3.00", clock.instant())).expect(201);
        long counter = api.counterId("DR01", 1);
        api.act("clerk7", "/api/v1/counters/" + counter + "/open").expect(200);
        String durres = null;
        for (int code = 100150; durres == null && code <= 100200; code++) {
            JsonNode c = customer(Integer.toString(code));
            if (new BigDecimal(c.get("balance").asText()).compareTo(new BigDecimal("9.99")) >= 0) {
                durres = c.get("code").asText();
            }
        }
        assertThat(durres).as("a customer who owes something").isNotNull();
        api.raw("POST", "/api/v1/payments", api.token("clerk7"),
                Api.write(Map.of("customerCode", durres, "amount", "9.99", "method", "CASH", "tendered", "10.00", "counterId", counter)),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(201);
        LocalDate day = LocalDate.ofInstant(clock.instant(), TIRANE);
        String range = "from=" + day + "&to=" + day;
        JsonNode own = api.get("/api/v1/reports/channels?" + range, api.token("supervisor2")).expect(200).json();
        assertThat(own.get("branchCode").asText()).isEqualTo("DR01");
        assertThat(counterRows(own)).isEqualTo(counterRows(api.get("/api/v1/reports/channels?" + range + "&branchCode=DR01",
                api.token("admin")).expect(200).json())).contains("COUNTER_CASH 1 9.99");
        assertThat(partnerRow(own, "OWNC").get("amount").asText()).as("partners belong to no centre").isEqualTo("3.00");
        JsonNode tirana = api.get("/api/v1/reports/channels?" + range, api.token("supervisor1")).expect(200).json();
        assertThat(tirana.get("branchCode").asText()).isEqualTo("TR01");
        assertThat(counterRows(tirana)).as("no takings of Durrës").isEqualTo(counterRows(api.get("/api/v1/reports/channels?" + range
                + "&branchCode=TR01", api.token("admin")).expect(200).json()));
        api.get("/api/v1/reports/channels?" + range + "&branchCode=TR01", api.token("supervisor2")).expect(403);
        api.get("/api/v1/reports/channels?" + range, api.token("clerk7")).expect(403);
    }

    private static List<String> counterRows(JsonNode report) {
        List<String> rows = new ArrayList<>();
        for (JsonNode r : report.get("channels")) {
            if (r.get("channel").asText().startsWith("COUNTER_")) {
                rows.add(r.get("channel").asText() + " " + r.get("count").asInt() + " " + r.get("amount").asText());
            }
        }
        return rows;
    }

    private static JsonNode partnerRow(JsonNode report, String code) {
        for (JsonNode r : report.get("channels")) {
            if (code.equals(r.path("partnerCode").asText())) {
                return r;
            }
        }
        throw new AssertionError("no row of " + code + " in " + report);
    }

    private static String status(JsonNode report, String reference) {
        return line(report, reference).get("status").asText();
    }

    private static JsonNode line(JsonNode report, String reference) {
        for (JsonNode l : report.get("lines")) {
            if (l.get("partnerReference").asText().equals(reference)) {
                return l;
            }
        }
        throw new AssertionError("no line " + reference + " in " + report);
    }

    private static BigDecimal customerCredit(String code) {
        return new BigDecimal(customer(code).get("credit").asText());
    }

    private static int paymentsWithReference(String reference) {
        return server.server().database().read(h -> h.createQuery("SELECT COUNT(*) FROM channel_payments WHERE partner_reference = :r")
                .bind("r", reference).mapTo(Integer.class).one());
    }

    private static byte[] secretOf(PartnerClient client) {
        return client.secret().getBytes();
    }
}
