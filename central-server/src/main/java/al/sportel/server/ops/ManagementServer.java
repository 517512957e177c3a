package al.sportel.server.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management port: metrics, health and the H2 backup without a token, for an address that only
 * the monitoring host (or, by default, this machine) can reach. The JDK's own HTTP server is enough
 * for a scrape every few seconds and keeps this apart from the public server's thread pool.
 */
final class ManagementServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ManagementServer.class);

    private final HttpServer server;

    /**
     * {@code opsToken}: when set, the backup here asks for it too. The database's whole content (customers, cases,
     * password hashes) must not be one local {@code curl} away for every process on the machine.
     */
    ManagementServer(String host, int port, Readiness readiness, OpsMetrics metrics, OnlineBackup backup, ObjectMapper mapper,
                     String opsToken) {
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (IOException e) {
            throw new ManagementPortException(host, port, e);
        }
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "sportel-management");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/metrics", ex -> send(ex, 200, OpsRoutes.PROMETHEUS_TYPE, metrics.scrape().getBytes(StandardCharsets.UTF_8)));
        server.createContext("/health/live", ex -> send(ex, 200, "application/json", "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/health/ready", ex -> {
            Readiness.Report r = readiness.check();
            byte[] body = mapper.writeValueAsBytes(Map.of("status", r.ready() ? "UP" : "DOWN", "checks", r.checks()));
            send(ex, r.ready() ? 200 : 503, "application/json", body);
        });
        server.createContext("/ops/backup", ex -> {
            if (!"POST".equals(ex.getRequestMethod()) || !backup.supported()) {
                send(ex, 405, "text/plain", "POST, embedded database only\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (opsToken != null && !OpsRoutes.tokenMatches(opsToken, ex.getRequestHeaders().getFirst("Authorization"))) {
                send(ex, 401, "text/plain", "The operations token is missing or wrong\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Path zip = backup.make();
            try (ex) {
                // streamed: a large database must not be read into the server's heap
                ex.getResponseHeaders().set("Content-Type", "application/zip");
                ex.sendResponseHeaders(200, Files.size(zip));
                try (OutputStream out = ex.getResponseBody()) {
                    Files.copy(zip, out);
                }
            } finally {
                Files.deleteIfExists(zip);
            }
        });
        server.start();
        log.info("management port listening on http://{}:{} (/metrics, /health/ready)", host, server.getAddress().getPort());
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        try (ex) {
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        } catch (RuntimeException e) {
            log.warn("management request failed", e);
            throw e;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
