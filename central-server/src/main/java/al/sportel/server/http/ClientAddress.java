package al.sportel.server.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/**
 * The address a request really came from. X-Forwarded-For is believed only when the connection
 * itself comes from a configured trusted proxy; otherwise anyone could name any address and slip
 * past the per-address limits. The right-most address not itself a trusted proxy is the client.
 */
public final class ClientAddress {

    private static final int MAX_LENGTH = 64;
    private final Set<String> trustedProxies;

    public ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    public String of(Context ctx) {
        String remote = ctx.req().getRemoteAddr();
        if (!trustedProxies.contains(remote)) {
            return clip(remote);
        }
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return clip(remote);
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return clip(hop);
            }
        }
        return clip(remote);
    }

    private static String clip(String address) {
        String a = address == null ? "" : address;
        return a.length() > MAX_LENGTH ? a.substring(0, MAX_LENGTH) : a;
    }
}
