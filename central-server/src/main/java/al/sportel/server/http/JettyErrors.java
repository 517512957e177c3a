package al.sportel.server.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The answers Jetty gives itself, before any route runs (a malformed path, a URI or header too long,
 * a broken request line): problem+json like every other error, never Jetty's HTML page.
 */
public final class JettyErrors extends ErrorHandler {

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        return ByteBuffer.wrap(body(status).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
                                              int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType(Problems.CONTENT_TYPE);
        response.getOutputStream().write(body(code).getBytes(StandardCharsets.UTF_8));
    }

    /** Fixed text: Jetty's reason may echo parts of the request, which the client already has. */
    static String body(int status) {
        String title = switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Request too large";
            case 414 -> "URI too long";
            case 431 -> "Request headers too large";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Server error" : "Request refused";
        };
        return "{\"type\":\"https://sportel.al/problems/http-" + status + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + title + ": the request could not be read as sent\"}";
    }
}
