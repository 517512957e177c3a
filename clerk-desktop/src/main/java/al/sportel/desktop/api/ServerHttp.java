package al.sportel.desktop.api;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The HTTP client one server address needs. A plain-HTTP server needs no TLS: a client able to speak it reads
 * and indexes the whole Java trust store as it is built (some 350 classes and a third of a second, on the login
 * window's server check), so an http:// address gets a cleartext client. An http:// server behind a proxy that
 * sends everyone to https answers it with a redirect: from then on a client that speaks TLS and follows
 * redirects as before (307 and 308 with the request's body) is used, and the request goes again through it.
 */
final class ServerHttp {

    private static final List<ConnectionSpec> CLEARTEXT_ONLY = List.of(ConnectionSpec.CLEARTEXT);

    private volatile OkHttpClient client;

    ServerHttp(String baseUrl) {
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(3))
                .readTimeout(Duration.ofSeconds(15))
                .callTimeout(Duration.ofSeconds(20));
        if (baseUrl.regionMatches(true, 0, "http:", 0, 5)) {
            b.connectionSpecs(CLEARTEXT_ONLY).followSslRedirects(false);
        }
        this.client = b.build();
    }

    /** The client in use now (the event stream builds its own from it). */
    OkHttpClient client() {
        return client;
    }

    Response execute(Request request) throws IOException {
        OkHttpClient used = client;
        Response r = used.newCall(request).execute();
        String location = r.header("Location");
        if (r.isRedirect() && location != null && location.regionMatches(true, 0, "https:", 0, 6)
                && used.connectionSpecs().equals(CLEARTEXT_ONLY)) {
            r.close();
            client = used.newBuilder().connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT))
                    .followSslRedirects(true).build();
            return client.newCall(request).execute();
        }
        return r;
    }
}
