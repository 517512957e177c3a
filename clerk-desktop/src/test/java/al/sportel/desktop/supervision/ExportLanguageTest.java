package al.sportel.desktop.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.desktop.api.ApiClient;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Eksporto PDF" asks the server for the report in the clerk's language, against a real HTTP server. */
class ExportLanguageTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

    private final List<String> asked = new ArrayList<>();
    private HttpServer server;
    private ApiClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/", this::answer);
        server.start();
        client = new ApiClient("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange x) throws IOException {
        try (x) {
            asked.add(x.getRequestURI().toString());
            byte[] body = "%PDF-1.7".getBytes();
            x.getResponseHeaders().set("Content-Type", "application/pdf");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
        }
    }

    @Test
    void theCentreReportAndTheReconciliationComeInTheClerksLanguage() throws Exception {
        new SupervisorApi(client).reportFile("TR01", DAY.withDayOfMonth(1), DAY, "pdf", "en");
        new SupervisorApi(client).reportFile("TR01", DAY.withDayOfMonth(1), DAY, "pdf", "sq");
        new ChannelsApi(client).reconciliationFile("BKT", DAY, "pdf", "en");
        new ChannelsApi(client).reconciliationFile("BKT", DAY, "pdf", "sq");

        assertThat(asked).containsExactly(
                "/api/v1/reports/branch?branchCode=TR01&from=2026-11-01&to=2026-11-25&format=pdf&lang=en",
                "/api/v1/reports/branch?branchCode=TR01&from=2026-11-01&to=2026-11-25&format=pdf&lang=sq",
                "/api/v1/reconciliation?partner=BKT&date=2026-11-25&format=pdf&lang=en",
                "/api/v1/reconciliation?partner=BKT&date=2026-11-25&format=pdf&lang=sq");
    }
}
