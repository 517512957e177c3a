package al.sportel.desktop.fees;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.app.DirectJobs;
import al.sportel.desktop.app.I18n;
import al.sportel.model.fees.FeeSale;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The counter's sales list against a real HTTP server: what it asks for, what it shows, and a failed refresh. */
class FeeSalesModelTest {

    private static final String TWO = """
            [{"id":8,"receiptNumber":"TR01-T-2026-000008","branchCode":"TR01","counterId":3,"feeCode":"METER_TEST",
              "itemName":"Testim matësi","amount":"1200.00","vatRatePercent":"20.00","method":"CARD","tendered":null,
              "change":"0.00","caseTrackingCode":null,"createdAt":"2026-11-25T10:05:00Z","clerkName":"Arta","fiscalized":false},
             {"id":7,"receiptNumber":"TR01-T-2026-000007","branchCode":"TR01","counterId":3,"feeCode":"RECONNECTION",
              "itemName":"Tarifë rilidhjeje","amount":"1500.00","vatRatePercent":"20.00","method":"CASH","tendered":"2000.00",
              "change":"500.00","caseTrackingCode":null,"createdAt":"2026-11-25T10:00:00Z","clerkName":"Arta","fiscalized":true}]""";

    private final List<String> asked = new ArrayList<>();
    private int status = 200;
    private HttpServer server;
    private FeeSalesModel model;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/fee-sales", this::answer);
        server.start();
        ApiClient api = new ApiClient("http://127.0.0.1:" + server.getAddress().getPort());
        model = new FeeSalesModel(new DirectJobs(), new FeeApi(api), 3, new I18n("sq"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange x) throws IOException {
        try (x) {
            asked.add(x.getRequestMethod() + " " + x.getRequestURI());
            byte[] body = (status == 200 ? TWO : "{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"not your branch\"}")
                    .getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
            x.sendResponseHeaders(status, body.length);
            x.getResponseBody().write(body);
        }
    }

    @Test
    void theCounterSalesAreShownAsTheServerSendsThemAndAFailedRefreshKeepsThemAndSaysWhy() {
        model.refresh();
        assertThat(asked).containsExactly("GET /api/v1/fee-sales?counterId=3");
        assertThat(model.sales()).extracting(FeeSale::receiptNumber).containsExactly("TR01-T-2026-000008", "TR01-T-2026-000007");
        FeeSale first = model.sales().get(0);
        assertThat(model.amount(first)).isEqualTo("1 200,00 L");
        assertThat(model.time(first)).isEqualTo("11:05"); // Tirana time
        assertThat(model.fiscal(first)).isEqualTo("Pa fiskalizuar ende");
        assertThat(model.fiscal(model.sales().get(1))).isEqualTo("Fiskalizuar");
        assertThat(model.error().get()).isNull();
        assertThat(model.loading().get()).isFalse();

        status = 403;
        model.refresh();
        assertThat(model.error().get()).startsWith("Lista nuk u ngarkua").contains("not your branch");
        assertThat(model.sales()).as("the last list stays").hasSize(2);
        assertThat(model.loading().get()).isFalse();
    }
}
