package al.sportel.desktop.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An http:// server is reached by a client without TLS (the login window's check loads no trust store), and
 * one behind a proxy that sends its clients to https is still followed there, as before.
 */
class ApiClientRedirectTest {

    private HttpServer server;
    private ServerSocket tlsSide;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tlsSide = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop(0);
        tlsSide.close();
    }

    @Test
    void aPlainServerIsCheckedWithoutTls() {
        server.createContext("/health", x -> {
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        ApiClient api = new ApiClient("HTTP://127.0.0.1:" + server.getAddress().getPort() + "/");

        assertThat(api.healthy()).isTrue();
        assertThat(api.http().connectionSpecs()).containsExactly(ConnectionSpec.CLEARTEXT);
    }

    @Test
    void aServerThatSendsItsClientsToHttpsIsFollowedOverTls() throws Exception {
        int tlsPort = tlsSide.getLocalPort();
        server.createContext("/health", x -> {
            x.getResponseHeaders().add("Location", "https://127.0.0.1:" + tlsPort + "/health");
            x.sendResponseHeaders(308, -1);
            x.close();
        });
        // what the client sends first where the redirect points: a TLS handshake record starts with 0x16
        CompletableFuture<Integer> firstByte = new CompletableFuture<>();
        Thread acceptor = new Thread(() -> {
            while (!tlsSide.isClosed()) {
                try (Socket s = tlsSide.accept(); InputStream in = s.getInputStream()) {
                    firstByte.complete(in.read()); // then closed: the handshake fails at once, retries too
                } catch (Exception e) {
                    firstByte.complete(-1);
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        ApiClient api = new ApiClient("http://127.0.0.1:" + server.getAddress().getPort());

        assertThat(api.healthy()).as("nothing answers TLS on the other side").isFalse();
        assertThat(firstByte.get(10, TimeUnit.SECONDS)).as("a TLS handshake reached the https address").isEqualTo(0x16);
        assertThat(api.http().connectionSpecs()).contains(ConnectionSpec.MODERN_TLS);
    }
}
