package al.sportel.server.http;

import java.util.function.Supplier;

/**
 * Links given to citizens (QR codes on tickets, slips and receipts) start from the configured public
 * base URL, never from the request's Host header, which a client may set to anything.
 */
public final class PublicLinks {

    private final Supplier<String> base;

    /** {@code base} is asked on each use: without a configured URL it is the server's own address, known once it listens. */
    public PublicLinks(Supplier<String> base) {
        this.base = base;
    }

    /** {@code path} starts with a slash. */
    public String to(String path) {
        String b = base.get();
        return (b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path;
    }

    /** A ticket's phone view: what its QR code holds and what the kiosk prints under it. */
    public String ticketView(String ticketId) {
        return to("/t/" + ticketId);
    }
}
