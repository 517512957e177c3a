package al.sportel.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A multipart/form-data request as a browser's FormData sends it: text fields and files. */
final class Multipart {

    record FilePart(String field, String filename, String contentType, byte[] bytes) {
    }

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<FilePart> files = new ArrayList<>();
    private final String boundary = "----sportel" + UUID.randomUUID().toString().replace("-", "");

    Multipart field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    Multipart file(String field, String filename, String contentType, byte[] bytes) {
        files.add(new FilePart(field, filename, contentType, bytes));
        return this;
    }

    byte[] body() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> f : fields.entrySet()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue() + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            for (FilePart f : files) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.field() + "\"; filename=\"" + f.filename()
                        + "\"\r\nContent-Type: " + f.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.write(f.bytes());
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** The body cut off before its closing boundary, as an interrupted upload or a broken client sends it. */
    byte[] truncatedBody() {
        byte[] whole = body();
        int closing = ("--" + boundary + "--\r\n").length();
        return Arrays.copyOf(whole, whole.length - closing);
    }

    Api.Response post(String url, Map<String, String> headers) {
        return post(url, headers, body());
    }

    Api.Response post(String url, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
